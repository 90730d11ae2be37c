/* eslint-disable no-restricted-imports -- Playwright runs this file in Node, not in the app bundle. */
import { APIRequestContext, APIResponse } from '@playwright/test';

/**
 * A GET made while polling for the demo data to settle. A connection the backend resets or
 * refuses (it is busy with its first scheduled runs) is answered as one more state to show
 * and poll past, like a non-200 status, instead of failing the test on the spot.
 */
export async function pollGet(
  request: APIRequestContext,
  url: string,
  headers: Record<string, string>,
): Promise<APIResponse | string> {
  try {
    return await request.get(url, { headers });
  } catch (error) {
    return `request failed: ${String((error as Error).message).split('\n')[0]}`;
  }
}
