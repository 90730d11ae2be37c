import { LoggerService } from '@backstage/backend-plugin-api';

/**
 * Runs a job one at a time: a call while it runs asks for one more run after it (however
 * many calls came), so a burst of signals causes at most two runs and none is lost.
 */
export class SerialRuns {
  #running: Promise<void> | undefined;
  #again = false;

  constructor(
    private readonly job: () => Promise<void>,
    private readonly logger: LoggerService,
    private readonly name: string,
  ) {}

  /** Starts (or queues) a run; resolves when the runs it caused are done. Never rejects. */
  trigger(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        try {
          await this.job();
        } catch (error) {
          this.logger.error(`${this.name} failed: ${error}`);
        }
      } while (this.#again);
      this.#running = undefined;
    })();
    return this.#running;
  }
}
