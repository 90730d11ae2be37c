import { AuditorService } from '@backstage/backend-plugin-api';
import { Request, Response } from 'express';

/** How a route answers the bad input its write rejected; undefined for other errors. */
export type RefusalBody = (error: unknown, req: Request) => object | undefined;

/**
 * Runs a write inside an audit event (`medium`, with `meta` on the event and its outcome).
 * An error `refusal` recognises as bad input answers 400 with the body it gives and
 * resolves to undefined (the event fails with the error); any other error fails the event
 * and goes on to the router's error handler.
 */
export async function auditedWrite<T>(
  options: {
    auditor: AuditorService;
    req: Request;
    res: Response;
    eventId: string;
    meta: Record<string, string>;
    refusal: RefusalBody;
  },
  write: () => Promise<T>,
): Promise<T | undefined> {
  const { auditor, req, res, eventId, meta, refusal } = options;
  const event = await auditor.createEvent({
    eventId,
    severityLevel: 'medium',
    request: req,
    meta,
  });
  try {
    const result = await write();
    await event.success({ meta });
    return result;
  } catch (error) {
    await event.fail({ error: error as Error, meta });
    const body = refusal(error, req);
    if (body) {
      res.status(400).json(body);
      return undefined;
    }
    throw error;
  }
}
