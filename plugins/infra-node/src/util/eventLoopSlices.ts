/**
 * Synchronous work in slices: `pause()` returns at once until `sliceMs` of
 * work have passed since the last pause, then lets the event loop run (other
 * requests, timers) before the work goes on. A large repo is read and parsed
 * synchronously, which is several times faster than as hundreds of small
 * async steps, without stalling the backend for the whole of it.
 */
export function eventLoopSlices(sliceMs: number): { pause(): Promise<void> } {
  let sliceStart = Date.now();
  return {
    async pause() {
      if (Date.now() - sliceStart <= sliceMs) return;
      await new Promise(resolve => setImmediate(resolve));
      sliceStart = Date.now();
    },
  };
}
