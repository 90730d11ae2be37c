import { mockServices } from '@backstage/backend-test-utils';
import { CostSourceRunner } from './CostSourceRunner';
import { RETENTION_TASK_ID, costSourceTasks, retentionTask } from './costTasks';

describe('scheduled cost tasks', () => {
  it('runs each source globally, even when its config asks for local scope', async () => {
    const runner = {
      run: jest.fn().mockResolvedValue({ status: 'skipped', message: 'm' }),
    };
    const schedule = {
      frequency: { minutes: 5 },
      timeout: { minutes: 1 },
      scope: 'local' as const,
    };

    const [task] = costSourceTasks({
      runner: runner as unknown as CostSourceRunner,
      sources: [
        {
          id: 'aws-focus',
          description: 'x',
          schedule,
          read: async () => ({ deliveries: [] }),
        },
      ],
      logger: mockServices.logger.mock(),
    });
    await task.fn(new AbortController().signal);

    expect(task).toMatchObject({
      id: 'finops-itam-cost-source-aws-focus',
      scope: 'global',
      frequency: { minutes: 5 },
    });
    expect(runner.run).toHaveBeenCalledWith('aws-focus');
  });

  it('deletes facts before the first day of the month the retention reaches back to', async () => {
    const store = { deleteFactsBefore: jest.fn().mockResolvedValue(12) };

    const task = retentionTask({
      store,
      retentionMonths: 25,
      logger: mockServices.logger.mock(),
      now: () => new Date('2026-11-27T10:00:00Z'),
    });
    await task.fn(new AbortController().signal);

    expect(task).toMatchObject({
      id: RETENTION_TASK_ID,
      scope: 'global',
      frequency: { days: 1 },
    });
    expect(store.deleteFactsBefore).toHaveBeenCalledWith('2024-10-01');
  });
});
