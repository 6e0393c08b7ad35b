import type { Page } from 'playwright-core';

/** Opens a resource table and the details of one of its rows (the first row without a name). */
export async function openDetails(page: Page, context: string, path: string, ns: string | undefined, name?: string) {
  // The shell first (the token exchange may still reload the page and drop an early hash).
  await page.waitForSelector('[data-testid="context-picker"]', { timeout: 30_000 });
  const hash = `#/c/${context}/r/${path}${ns ? `?ns=${ns}` : ''}`;
  await page.evaluate((h) => { window.location.hash = h; }, hash);
  await page.waitForFunction((h) => window.location.hash === h, hash);
  const row = page.locator(`[data-testid="resource-table"] [role="row"]${name ? `[data-name="${name}"]` : '[data-name]'}`).first();
  await row.waitFor({ timeout: 60_000 }).catch(async (err) => {
    await page.screenshot({ path: `test-results/failed-open-${name ?? 'row'}.png` });
    throw err;
  });
  await row.click();
  await page.waitForSelector('[data-testid="details"] [data-testid="actions-menu"]', { timeout: 30_000 });
}

/** Opens the actions menu once permissions are known (items say "Checking permissions…" until then). */
export async function openMenu(page: Page) {
  await page.click('[data-testid="actions-menu"]');
  await page.waitForFunction(() => ![...document.querySelectorAll('.act-item')].some((b) => (b.textContent ?? '').includes('Checking permissions')), null, { timeout: 30_000 });
}
