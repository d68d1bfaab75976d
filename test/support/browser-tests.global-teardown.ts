import { BROWSER_TESTS_REQUIRED, browserMissing } from './browser-tests';

/**
 * The e2e project's global teardown: after jest's summary, one line when the browser tests were skipped, so that a
 * green run without Chromium does not pass for a full one. A default export because that is what jest loads.
 */
export default function reportSkippedBrowserTests(): void {
  const missing = browserMissing();
  if (missing !== null && !BROWSER_TESTS_REQUIRED) {
    process.stderr.write(`\nBROWSER TESTS DID NOT RUN: ${missing}. REQUIRE_BROWSER_TESTS=1 makes this a failure.\n`);
  }
}
