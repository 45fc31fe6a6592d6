import { ResponseError } from '@backstage/errors';

/**
 * The reason to show a person. A ResponseError's own message is only the
 * HTTP status; the backend's explanation is in its cause.
 */
export function describeError(error: Error): string {
  if (error instanceof ResponseError || error.name === 'ResponseError') {
    const cause = (error as ResponseError).cause;
    if (cause && cause.message && cause.message !== error.message) {
      return `${error.message}: ${cause.message}`;
    }
  }
  return error.message || error.name || 'Unknown error';
}
