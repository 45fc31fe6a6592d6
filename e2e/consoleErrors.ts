import { Page } from '@playwright/test';

/**
 * Collects what the browser reports as errors while a test runs: console
 * errors and uncaught exceptions. A test asserts the list is empty, so an
 * error from our own code on a page fails it.
 */
export function watchConsoleErrors(page: Page): () => string[] {
  const errors: string[] = [];
  page.on('console', message => {
    if (message.type() === 'error') {
      errors.push(`console: ${message.text()}`);
    }
  });
  page.on('pageerror', error => errors.push(`uncaught: ${error.message}`));
  return () => [...errors];
}

/** The widths the pages are checked and photographed at. */
export const WIDTHS = [1280, 1440, 1920] as const;

export const SCREENSHOTS = '.artifacts/screenshots';
