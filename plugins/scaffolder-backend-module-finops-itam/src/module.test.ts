import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import scaffolderModuleFinopsItam from '.';

describe('scaffolderModuleFinopsItam', () => {
  it('adds the onboarding action with the input a template must give', async () => {
    const actions: TemplateAction<any, any>[] = [];
    const backend = await startTestBackend({
      extensionPoints: [
        [
          scaffolderActionsExtensionPoint,
          { addActions: (...added) => actions.push(...added) },
        ],
      ],
      features: [
        scaffolderModuleFinopsItam,
        mockServices.rootConfig.factory({
          data: { app: { baseUrl: 'http://localhost:3000' } },
        }),
      ],
    });

    expect(actions.map(a => a.id)).toEqual(['finops-itam:onboarding:request']);
    const [action] = actions;
    expect(action.supportsDryRun).toBe(true);
    // The JSON schema the template editor and the task runner validate input with.
    expect(action.schema?.input?.required).toEqual([
      'entityRef',
      'owner',
      'title',
      'goLive',
      'procurement',
      'deployments',
    ]);

    await backend.stop();
  });
});
