import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from '../../scripts/console-chromium';

/** REQUIRE_BROWSER_TESTS=1 (CI) makes a missing Chromium a failure instead of a skip. */
export const BROWSER_TESTS_REQUIRED = process.env.REQUIRE_BROWSER_TESTS === '1';

/** Why the browser tests cannot run on this machine, or null when they can. */
export function browserMissing(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  return `Chromium is not at ${CHROMIUM_PATH} (apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM_PATH)`;
}

/**
 * `describe` for tests in headless Chromium. Without Chromium they are skipped (the e2e run's global teardown
 * says so in one line), unless REQUIRE_BROWSER_TESTS=1: then they fail with the reason instead of a launch error.
 */
export function describeInBrowser(name: string, tests: () => void): void {
  const missing = browserMissing();
  if (missing === null) return describe(name, tests);
  if (!BROWSER_TESTS_REQUIRED) return describe.skip(name, tests);
  describe(name, () => {
    it('runs in Chromium (REQUIRE_BROWSER_TESTS=1)', () => {
      throw new Error(missing);
    });
  });
}
