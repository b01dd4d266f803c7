import { describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';

describe('launchChromium', () => {
  it('fails with the install command when the browser is missing (the e2e test never skips)', async () => {
    await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow(/not installed at \/nonexistent\/chromium.*apt-get install -y chromium/);
  });

  it('starts the installed Chromium', async () => {
    const browser = await launchChromium();
    try {
      expect(browser.version()).toMatch(/^\d+\./);
    } finally {
      await browser.close();
    }
  });
});
