// Getting around the app the way a user does: the namespace picker, the kinds sidebar, a table row.
import type { Page } from 'playwright-core';

/** Waits for the shell (the token exchange may still reload the page before it shows). */
export async function waitForShell(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="context-picker"]', { timeout: 30_000 });
}

/**
 * Goes to a hash once the shell is up, and waits until the location says it (a remembered context
 * could otherwise land a moment later and overwrite it).
 */
export async function goTo(page: Page, hash: string): Promise<void> {
  await waitForShell(page);
  await page.evaluate((h) => { window.location.hash = h; }, hash);
  await page.waitForFunction((h) => window.location.hash === h, hash);
}

/** Picks a namespace in the top bar's picker (waits until it is offered: the list is live). */
export async function pickNamespace(page: Page, ns: string): Promise<void> {
  await waitForShell(page);
  await page.waitForSelector(`[data-testid="namespace-picker"] option[value="${ns}"]`, { state: 'attached', timeout: 60_000 });
  await page.selectOption('[data-testid="namespace-picker"]', ns);
}

/** Clicks a kind in the sidebar (`kindKey`: "group/resource", core kinds "/pods"). */
export async function openKind(page: Page, kindKey: string): Promise<void> {
  await page.click(`[data-testid="nav-${kindKey}"]`);
  await page.waitForSelector('[data-testid="resource-table"]', { timeout: 30_000 });
}

/** Clicks a row of the shown table by name and waits for its details. */
export async function openRow(page: Page, name: string): Promise<void> {
  const row = page.locator(`[data-testid="resource-table"] [role="row"][data-name="${name}"]`).first();
  await row.waitFor({ timeout: 60_000 });
  await row.click();
  await page.waitForSelector(`[data-testid="details"] [data-testid="dp-title"]:text-is("${name}")`, { timeout: 30_000 });
}

/** Screenshots at the two sizes the quality bar asks for, in light and dark. */
export async function screenshots(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [w, h] of [[1440, 900], [1280, 720]]) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(150);
      await page.screenshot({ path: `test-results/${name}-${w}x${h}-${scheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (original) await page.setViewportSize(original);
}
