/** What a check answers while the awaited state has not come yet. */
type NotYet = undefined | null | false;

export interface WaitOptions {
  /** How long the state may take before the test fails. */
  timeoutMs: number;
  /** What is awaited, for the failure message ("the demo's sampling of yesterday"); a function may add the state last seen. */
  what: string | (() => string);
  /** Pause between two checks. */
  intervalMs?: number;
}

/**
 * Polls `check` until it answers something other than undefined, null or false, and answers that.
 * Tests wait on the state that proves what they need (a row is there, the queue is empty), never
 * for a fixed time: a fixed pause is either too short on a busy machine or wasted on an idle one.
 * An error thrown by `check` ends the wait at once (a server that exited will not come up).
 */
export async function waitFor<T>(check: () => T | NotYet | Promise<T | NotYet>, { timeoutMs, what, intervalMs = 100 }: WaitOptions): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
