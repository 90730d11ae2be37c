import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  DefaultApiClient,
  FINOPS_ITAM_PLUGIN_ID,
  OnboardingProblem,
  OnboardingRequestDetail,
  OnboardingRequestInput,
} from '@finops-itam/plugin-finops-itam-common';

/**
 * Files onboarding requests with the finops-itam backend (`POST /onboarding/requests`) as
 * the user who runs the template, so the request is recorded as theirs and the backend's
 * `finops-itam.onboarding.create` permission is checked for them, not for the scaffolder.
 */
export class OnboardingRequestFiler {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
  ) {}

  async file(
    input: OnboardingRequestInput,
    onBehalfOf: BackstageCredentials,
  ): Promise<OnboardingRequestDetail> {
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf,
      targetPluginId: FINOPS_ITAM_PLUGIN_ID,
    });
    const api = new DefaultApiClient({
      discoveryApi: this.discovery,
      fetchApi: {
        fetch: (url, init) => {
          const headers = new Headers(init?.headers);
          headers.set('Authorization', `Bearer ${token}`);
          return fetch(url, { ...init, headers });
        },
      },
    });
    const response = await api.createOnboardingRequest({ body: input });
    if (response.ok) {
      return response.json();
    }
    const { message, problems } = await readErrorBody(response);
    if (response.status === 400) {
      const lines = problems.length
        ? problems.map(p => `- ${p.field}: ${p.reason}`)
        : [`- ${message}`];
      throw new InputError(
        [
          'The finops-itam backend refused the onboarding request:',
          ...lines,
        ].join('\n'),
      );
    }
    throw new Error(
      `Filing the onboarding request failed: the finops-itam backend answered ${response.status} ${response.statusText}: ${message}`,
    );
  }
}

/** The message and `problems` of a Backstage error body, or the raw text of anything else. */
async function readErrorBody(
  response: Response,
): Promise<{ message: string; problems: OnboardingProblem[] }> {
  const text = await response.text();
  try {
    const body = JSON.parse(text);
    return {
      message:
        typeof body?.error?.message === 'string'
          ? body.error.message
          : text.slice(0, 500),
      problems: Array.isArray(body?.problems) ? body.problems : [],
    };
  } catch {
    // Not JSON (a proxy's error page): the text itself is the best explanation.
    return { message: text.slice(0, 500), problems: [] };
  }
}
