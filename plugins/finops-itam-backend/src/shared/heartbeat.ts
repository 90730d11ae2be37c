/**
 * Long runs (ingestions, allocation runs) record a heartbeat while they work. A backend that
 * is killed stops beating, so any replica can tell within minutes that its run was
 * interrupted, where the start time alone had to wait longer than the longest run.
 */

/** How often a running job records that it is alive. */
export const HEARTBEAT_MS = 30 * 1000;

/** A run silent for this long was interrupted: four missed heartbeats. */
export const INTERRUPTED_AFTER_SILENT_MS = 4 * HEARTBEAT_MS;

/**
 * Calls `beat` every `everyMs` until the returned function is called. A failed beat is
 * reported to `onError` and never stops the run: the next beat may well arrive.
 */
export function startHeartbeat(
  beat: () => Promise<void>,
  onError: (error: Error) => void,
  everyMs: number = HEARTBEAT_MS,
): () => void {
  const timer = setInterval(() => {
    beat().catch(error => onError(error as Error));
  }, everyMs);
  return () => clearInterval(timer);
}
