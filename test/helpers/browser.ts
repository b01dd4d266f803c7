import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Headless Chromium from the Debian package (playwright-core brings no browser of its own). A missing
 * browser is a failure with the fix in the message, never a skip: .ci/run installs it.
 */
export async function launchChromium(executablePath: string = CHROMIUM): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium is not installed at ${executablePath}; the browser tests need it. Install it with: apt-get update && apt-get install -y chromium (.ci/run does this)`);
  }
  // --no-sandbox: CI containers run as root, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}
