import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { OnboardingRequestInput } from '@finops-itam/plugin-finops-itam-common';
import { OnboardingRequestFiler } from './OnboardingRequestFiler';

/** Where the portal shows a request: the ITAM page, with the request opened. */
function requestUrl(appBaseUrl: string, requestId?: string): string {
  const page = `${appBaseUrl.replace(/\/+$/, '')}/finops-itam/itam`;
  return requestId ? `${page}?request=${encodeURIComponent(requestId)}` : page;
}

/**
 * A template field that was typed in and cleared arrives as an empty string; the backend
 * reads a present `replaces`, `description` or `instanceType` as a value to check, so an
 * empty one is left out.
 */
function presentText(value: string | undefined): string | undefined {
  return value?.trim() ? value : undefined;
}

/**
 * The scaffolder action `finops-itam:onboarding:request`: files a workload onboarding
 * request with the finops-itam backend as the user who runs the template, and outputs the
 * request's id, status, checks and a link to it in the portal.
 *
 * @public
 */
export function createOnboardingRequestAction(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  /** The portal's `app.baseUrl`, for the link to the request. */
  appBaseUrl: string;
}) {
  const filer = new OnboardingRequestFiler(options.discovery, options.auth);

  return createTemplateAction({
    id: 'finops-itam:onboarding:request',
    description:
      'Files a workload onboarding request with finops-itam: its license, BYOL, policy, cost and budget checks run at once, and ITAM and FinOps reviewers decide on it in the portal.',
    supportsDryRun: true,
    examples: [
      {
        description: 'A new service on AWS running SQL Server under BYOL',
        example: `steps:
  - id: onboarding
    action: finops-itam:onboarding:request
    input:
      entityRef: component:default/new-billing
      owner: group:default/team-payments
      title: New billing service
      goLive: '2027-02-01'
      procurement: enterprise-agreement
      deployments:
        - provider: AWS
          region: eu-west-1
          tenancy: shared
          instanceType: m5.xlarge
          count: 3
          products:
            - productId: microsoft-sql-server-standard
              licenseModel: byol`,
      },
    ],
    // The input mirrors OnboardingRequestInput of the finops-itam contract. The backend
    // checks the values (known products, regions and instance types, a go-live date not in
    // the past) and answers every problem at once, so these shapes only say what a template
    // may write.
    schema: {
      input: {
        entityRef: z =>
          z
            .string()
            .describe(
              'The workload, an existing or new Component, e.g. component:default/new-billing',
            ),
        owner: z =>
          z
            .string()
            .describe(
              "The owner group's ref, e.g. group:default/team-payments",
            ),
        title: z => z.string().describe('A short title for the reviewers'),
        description: z =>
          z.string().optional().describe('What the workload is and why'),
        goLive: z =>
          z
            .string()
            .describe('First day in production, YYYY-MM-DD, today or later'),
        procurement: z =>
          z
            .enum(['enterprise-agreement', 'marketplace', 'reseller'])
            .describe('How the licenses and cloud capacity are bought'),
        replaces: z =>
          z
            .string()
            .optional()
            .describe(
              'The workload this one replaces (a migration); its licenses become reharvest candidates after go-live',
            ),
        tags: z =>
          z
            .record(z.string())
            .optional()
            .describe(
              "Tags the workload's resources will carry, checked against the required tags",
            ),
        deployments: z =>
          z
            .array(
              z.object({
                provider: z
                  .string()
                  .describe('AWS, Azure, Google Cloud… as FOCUS names it'),
                region: z.string(),
                tenancy: z.enum([
                  'shared',
                  'dedicated-instance',
                  'dedicated-host',
                ]),
                instanceType: z
                  .string()
                  .optional()
                  .describe('Known instance type; this or vcpus'),
                vcpus: z
                  .number()
                  .int()
                  .optional()
                  .describe('vCPUs per instance; this or instanceType'),
                count: z
                  .number()
                  .int()
                  .describe('Instances (or dedicated hosts), at least 1'),
                products: z.array(
                  z.object({
                    productId: z.string(),
                    licenseModel: z.enum(['byol', 'license-included']),
                  }),
                ),
              }),
            )
            .describe('The planned deployments with their licensed products'),
        saas: z =>
          z
            .array(z.object({ productId: z.string(), seats: z.number().int() }))
            .optional()
            .describe('SaaS products with their seats'),
        estimatedMonthlyCost: z =>
          z
            .object({
              amount: z.string().describe('A decimal string, e.g. 1800.00'),
              currency: z.string().describe('e.g. USD'),
            })
            .optional()
            .describe("The requester's own monthly estimate"),
      },
      output: {
        requestId: z =>
          z
            .string()
            .optional()
            .describe('Id of the filed request; absent in a dry run'),
        status: z =>
          z
            .string()
            .describe(
              'Status of the filed request (pending-review), or dry-run',
            ),
        checks: z =>
          z
            .array(
              z.object({
                id: z.string(),
                status: z.enum(['pass', 'warn', 'fail']),
                message: z.string(),
                fix: z.string().nullable(),
              }),
            )
            .describe('The automatic checks, each with its result and why'),
        failedChecks: z =>
          z.number().int().describe('How many of the checks failed'),
        url: z => z.string().describe('The request on the ITAM page'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const request: OnboardingRequestInput = {
        ...input,
        description: presentText(input.description),
        replaces: presentText(input.replaces),
        deployments: input.deployments.map(deployment => ({
          ...deployment,
          instanceType: presentText(deployment.instanceType),
        })),
      };

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: the onboarding request "${request.title}" for ${request.entityRef} was not filed, so no checks ran.`,
        );
        ctx.output('status', 'dry-run');
        ctx.output('checks', []);
        ctx.output('failedChecks', 0);
        ctx.output('url', requestUrl(options.appBaseUrl));
        return;
      }

      // A task resumed after a restart must not file the same request twice.
      const filed = await ctx.checkpoint({
        key: `finops-itam-onboarding-request-${ctx.step?.id ?? 'step'}`,
        fn: async () => {
          const detail = await filer.file(
            request,
            await ctx.getInitiatorCredentials(),
          );
          return {
            id: detail.id,
            status: detail.status,
            checks: detail.checks.map(({ id, status, message, fix }) => ({
              id,
              status,
              message,
              fix,
            })),
          };
        },
      });

      const failed = filed.checks.filter(check => check.status === 'fail');
      ctx.logger.info(
        `Filed onboarding request ${filed.id} (${filed.status}): ${filed.checks.length} checks, ${failed.length} failed`,
      );
      for (const check of failed) {
        ctx.logger.warn(`Check ${check.id} failed: ${check.message}`);
      }
      ctx.output('requestId', filed.id);
      ctx.output('status', filed.status);
      ctx.output('checks', filed.checks);
      ctx.output('failedChecks', failed.length);
      ctx.output('url', requestUrl(options.appBaseUrl, filed.id));
    },
  });
}
