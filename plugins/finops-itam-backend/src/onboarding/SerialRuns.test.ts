import { mockServices } from '@backstage/backend-test-utils';
import { SerialRuns } from './SerialRuns';

describe('SerialRuns', () => {
  it('runs once more after a burst of calls during a run, never two at once', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    let release: () => void = () => {};
    const runs$ = new SerialRuns(
      async () => {
        runs += 1;
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>(resolve => {
          release = resolve;
        });
        running -= 1;
      },
      mockServices.logger.mock(),
      'test job',
    );

    const first = runs$.trigger();
    runs$.trigger();
    runs$.trigger();
    release();
    await new Promise(resolve => setImmediate(resolve));
    release();
    await first;

    expect(runs).toBe(2);
    expect(most).toBe(1);
  });

  it('logs a failed run and keeps serving later calls', async () => {
    const logger = mockServices.logger.mock();
    let fail = true;
    const runs$ = new SerialRuns(
      async () => {
        if (fail) throw new Error('database gone');
      },
      logger,
      'Rechecking onboarding requests',
    );

    await expect(runs$.trigger()).resolves.toBeUndefined();
    expect(logger.error).toHaveBeenCalledWith(
      'Rechecking onboarding requests failed: Error: database gone',
    );
    fail = false;
    await expect(runs$.trigger()).resolves.toBeUndefined();
  });
});
