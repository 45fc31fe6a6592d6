import { assertError } from '@backstage/errors';
import { DataSource } from '@internal/backstage-plugin-rollout-status-common';
import { SourceReading } from './types';

/** Raised when an outside call does not answer within its deadline. */
export class DeadlineExceededError extends Error {
  name = 'DeadlineExceededError';
}

/**
 * Runs `call` with an AbortSignal that fires at the deadline, and rejects at
 * the deadline even if the callee ignores the signal, so a caller is never
 * kept waiting longer than `deadlineMs`.
 */
export async function withDeadline<T>(
  what: string,
  deadlineMs: number,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new DeadlineExceededError(
          `${what} did not answer within ${deadlineMs} ms`,
        ),
      );
    }, deadlineMs);
  });
  try {
    return await Promise.race([call(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Replaces every configured secret in a message, in case a library echoes one. */
export function redact(
  message: string,
  secrets: Array<string | undefined>,
): string {
  return secrets.reduce<string>(
    (text, secret) =>
      secret && secret.length >= 3 ? text.split(secret).join('***') : text,
    message,
  );
}

/**
 * Reads one source under a deadline and turns a failure into a reading with
 * a reason (the failure is reported, not swallowed: it becomes the reason of
 * every check that needs the source, and the caller logs it).
 */
export async function readWithDeadline<T>(options: {
  source: DataSource;
  deadlineMs: number;
  secrets: Array<string | undefined>;
  read: (signal: AbortSignal) => Promise<T>;
  describeError?: (error: Error) => string;
}): Promise<SourceReading<T>> {
  const { source, deadlineMs, secrets, read, describeError } = options;
  const observedAt = new Date().toISOString();
  try {
    const data = await withDeadline(source.name, deadlineMs, read);
    return { source, observedAt, ok: true, data };
  } catch (error) {
    assertError(error);
    const text =
      error instanceof DeadlineExceededError
        ? error.message
        : describeError?.(error) ?? `${source.name}: ${error.message}`;
    return { source, observedAt, ok: false, reason: redact(text, secrets) };
  }
}
