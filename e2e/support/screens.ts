import type { Page } from 'playwright-core';

/**
 * Screenshots of the page as it is now at 1440×900 and 1280×720, light and dark, into test-results/
 * as `<name>-<w>x<h>-<scheme>.png`; the page is left at 1440×900, light.
 */
export async function screenshotsAtSizes(page: Page, name: string): Promise<void> {
  for (const [width, height] of [[1440, 900], [1280, 720]]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `test-results/${name}-${width}x${height}-${colorScheme}.png` });
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
}
