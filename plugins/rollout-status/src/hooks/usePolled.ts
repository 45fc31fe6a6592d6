import { useEffect, useRef, useState } from 'react';

export interface PolledState<T> {
  /** True until the first answer (value or error) arrives. */
  loading: boolean;
  /** The last value that loaded, kept when a later refresh fails. */
  value?: T;
  /** The error of the last attempt; cleared by the next success. */
  error?: Error;
  /** When `value` was fetched (ms since epoch). */
  fetchedAt?: number;
}

/**
 * Loads `load()` now and again `intervalMs` after each answer. Waiting for
 * the answer before scheduling the next call means a slow backend is never
 * asked twice at once. Changing `key` starts over.
 */
export function usePolled<T>(
  load: () => Promise<T>,
  intervalMs: number,
  key: string,
): PolledState<T> {
  const [state, setState] = useState<PolledState<T>>({ loading: true });
  // The latest `load` without restarting the poll on every render.
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState({ loading: true });

    const run = async () => {
      try {
        const value = await loadRef.current();
        if (!cancelled) {
          setState({ loading: false, value, fetchedAt: Date.now() });
        }
      } catch (e) {
        if (!cancelled) {
          const error = e instanceof Error ? e : new Error(String(e));
          setState(previous => ({ ...previous, loading: false, error }));
        }
      }
      if (!cancelled) {
        timer = setTimeout(run, intervalMs);
      }
    };
    run();

    return () => {
      cancelled = true;
      if (timer) {
        clearTimeout(timer);
      }
    };
  }, [intervalMs, key]);

  return state;
}
