import { existsSync } from 'node:fs';
import { Browser, BrowserContext, chromium } from 'playwright-core';

/** Debian's chromium package; playwright-core drives it and never downloads a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The browser's environment: this process's without libfaketime, which slows Chromium down to minutes per launch.
 * Under faketime (CI's clock-shifted run) the pages get this process's clock from followProcessClock instead.
 */
export function chromiumEnv(): Record<string, string> {
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const preload = (env.LD_PRELOAD ?? '').split(/[: ]/).filter((lib) => lib !== '' && !lib.includes('faketime'));
  return { ...env, LD_PRELOAD: preload.join(':') };
}

/** Under faketime, starts the context's pages at this process's (moved) time; the page clock then runs as usual. */
export async function followProcessClock(context: BrowserContext): Promise<void> {
  if (process.env.FAKETIME !== undefined) await context.clock.install({ time: Date.now() });
}

/** Headless Chromium, or an error that says how to get it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM_PATH}: the staff console's browser tests and scripts need it. ` +
        'Install it with `apt-get update && apt-get install -y chromium` (.ci/run does), or set CHROMIUM_PATH.',
    );
  }
  // root in containers has no user namespace for Chromium's sandbox
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'], env: chromiumEnv() });
}
