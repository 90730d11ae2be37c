import { mockServices } from '@backstage/backend-test-utils';
import { loggedTask } from './loggedTask';

describe('loggedTask', () => {
  const schedule = { frequency: { minutes: 5 }, timeout: { minutes: 1 } };

  it('logs when a run started and ended', async () => {
    const logger = mockServices.logger.mock();
    let ran = 0;
    const task = loggedTask(
      { id: 'finops-itam-kpi-rollup', ...schedule, fn: async () => void ran++ },
      logger,
    );
    await task.fn(new AbortController().signal);
    expect(ran).toBe(1);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Scheduled task finops-itam-kpi-rollup ran from \d{4}-\d\d-\d\dT[\d:.]+Z to \d{4}-\d\d-\d\dT[\d:.]+Z \(\d+ ms\)$/,
      ),
    );
  });

  it('logs a failed run and still fails it, so the scheduler records the error', async () => {
    const logger = mockServices.logger.mock();
    const task = loggedTask(
      {
        id: 'finops-itam-budget-alerts',
        ...schedule,
        fn: async () => {
          throw new Error('database is gone');
        },
      },
      logger,
    );
    await expect(task.fn(new AbortController().signal)).rejects.toThrow(
      'database is gone',
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Scheduled task finops-itam-budget-alerts failed, ran from .* \(\d+ ms\): Error: database is gone$/,
      ),
    );
  });
});
