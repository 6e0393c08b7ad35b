import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Dialog, Page } from 'playwright-core';
import { kubectl } from '../test-cluster/kubectl.mjs';
import { ECHO_BODY } from '../test-cluster/cluster-lib.mjs';
import { launchChromium, testKubeconfig, type ServeFixture } from './support/browser';
import { cleanRendererBuild, startStreamsServe, streamsRoute } from './support/streams';

const ADMIN = 'wheelhouse-admin';
const k = (args: string[]) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN });
const podsOf = async (selector: string) => (await k(['get', 'pods', '-n', 'demo', '-l', selector, '--field-selector=status.phase=Running', '-o', 'jsonpath={.items[*].metadata.name}'])).split(' ').filter(Boolean).sort();

const opened: Page[] = [];

/**
 * A fresh browser context on the standalone streams page. The token URL carries the page's address
 * as its fragment, which survives the sign-in redirect, so the first load is already there and the
 * shell's own first navigation (to the last used context) leaves it alone.
 */
async function open(browser: Browser, serve: ServeFixture, params: Record<string, string | undefined>): Promise<Page & { errors: Error[]; dialogs: Dialog[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = Object.assign(await context.newPage(), { errors: [] as Error[], dialogs: [] as Dialog[] });
  opened.push(page);
  page.on('pageerror', (e) => page.errors.push(e));
  page.on('dialog', (d) => { page.dialogs.push(d); void d.dismiss(); });
  await page.goto(`${serve.openUrl}${streamsRoute({ context: ADMIN, ns: 'demo', ...params })}`);
  try {
    await page.waitForSelector('[data-testid="dev-streams"]', { timeout: 30_000 });
  } catch (err) {
    await page.screenshot({ path: `test-results/logs-terminal-open-failed-${params.view}.png` });
    throw new Error(`${(err as Error).message}\nat ${page.url()}\npage errors: ${page.errors.map((e) => e.message).join('; ')}\n${(await page.textContent('body'))?.slice(0, 500)}`, { cause: err });
  }
  return page;
}

const rowTexts = (page: Page) => page.$$eval('[data-testid="log-scroll"] .log-row .log-text', (els) => els.map((e) => (e as HTMLElement).innerText));
const terminalText = (page: Page) => page.$eval('.xterm-rows', (e) => (e as HTMLElement).innerText);
async function typeInTerminal(page: Page, text: string): Promise<void> {
  await page.click('[data-testid="terminal-box"]');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

describe('logs and terminals in the browser (serve mode, real cluster)', () => {
  let serve: ServeFixture;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    serve = await startStreamsServe();
    browser = await launchChromium();
  });
  afterAll(async () => { await browser?.close(); await serve?.close(); cleanRendererBuild(); });
  afterEach(async () => {
    for (const p of opened.splice(0)) await p.context().close();
  });

  it('logs of a seeded pod show the lines kubectl logs prints; search highlights a match', async () => {
    const [pod] = await podsOf('app=web');
    const expected = (await k(['logs', '-n', 'demo', pod, '-c', 'web'])).split('\n').slice(0, -1);
    const page = await open(browser, serve, { pod, container: 'web', view: 'logs' });
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="log-scroll"] .log-row').length >= n, expected.length, { timeout: 30_000 });
    expect(await rowTexts(page)).toEqual(expected);
    expect(await page.getAttribute('[data-testid="log-state"]', 'data-state')).toBe('streaming');

    await page.fill('[data-testid="log-search"]', 'path=/favicon.ico');
    await page.press('[data-testid="log-search"]', 'Enter');
    const wanted = expected.filter((l) => l.includes('path=/favicon.ico')).length;
    expect(wanted).toBeGreaterThan(0);
    await page.waitForSelector('mark.log-match.current');
    const marks = await page.$$eval('mark.log-match', (ms) => ms.map((m) => m.textContent));
    expect(marks).toHaveLength(wanted);
    expect(new Set(marks)).toEqual(new Set(['path=/favicon.ico']));
    expect(await page.textContent('[data-testid="log-match-count"]')).toBe(`1 / ${wanted}`);
    await page.press('[data-testid="log-search"]', 'Enter');
    expect(await page.textContent('[data-testid="log-match-count"]')).toBe(`2 / ${wanted}`);
    // Navigating to a match paused following; "resume" brings it back.
    await page.click('[data-testid="log-resume"]');
    await page.waitForSelector('[data-testid="log-resume"]', { state: 'detached' });

    // Downloads: what is in view, and the whole log read again from the API server.
    const download = async (testid: string) => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
      return readFileSync((await d.path())!, 'utf8');
    };
    expect(await download('log-download-visible')).toBe(expected.map((l) => `${l}\n`).join(''));
    expect(await download('log-download-whole')).toBe(expected.map((l) => `${l}\n`).join(''));
    await page.screenshot({ path: 'test-results/logs-search.png' });

    // Scrolling up pauses following; scrolling back to the end (or "resume") follows again.
    await page.setViewportSize({ width: 1400, height: 260 });
    const atEnd = () => page.$eval('[data-testid="log-scroll"]', (el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 18);
    await expect.poll(atEnd, { timeout: 5_000 }).toBe(true);
    await page.hover('[data-testid="log-scroll"]');
    await page.mouse.wheel(0, -200);
    await page.waitForSelector('[data-testid="log-resume"]', { timeout: 5_000 });
    expect(await atEnd()).toBe(false);
    await page.click('[data-testid="log-resume"]');
    await page.waitForSelector('[data-testid="log-resume"]', { state: 'detached' });
    await expect.poll(atEnd, { timeout: 5_000 }).toBe(true);
    expect(page.errors).toEqual([]);
  });

  it('workload logs show lines from every pod of a Deployment', async () => {
    const pods = await podsOf('app=web');
    expect(pods).toHaveLength(3);
    const page = await open(browser, serve, { owner: 'Deployment/web', view: 'workload' });
    await page.waitForFunction((names) => {
      const seen = new Set(Array.from(document.querySelectorAll('[data-testid="log-scroll"] .log-source')).map((e) => (e.textContent ?? '').split('/')[0]));
      return names.every((n: string) => seen.has(n));
    }, pods, { timeout: 30_000 });
    // The list of sources is its own event from the core (sent when the pods are listed), independent
    // of the lines: it may land a frame after the lines do.
    await expect.poll(() => page.$$eval('[data-testid="log-sources"] .src', (els) => els.map((e) => e.textContent)), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(pods.map((p) => `${p}/web`)));
    await page.screenshot({ path: 'test-results/workload-logs.png' });
    expect(page.errors).toEqual([]);
  });

  it('a log with ANSI escapes and <script> renders colours and text, and executes nothing', async () => {
    const [pod] = await podsOf('app=hostile-logs');
    const page = await open(browser, serve, { pod, view: 'logs' });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="log-scroll"] .log-row').length >= 8, undefined, { timeout: 30_000 });
    const texts = await rowTexts(page);
    expect(texts.some((t) => t.includes('msg="<script>alert(1)</script>"'))).toBe(true);
    expect(texts.some((t) => t.includes('msg="<img src=x onerror=alert(1)>"'))).toBe(true);
    // Escapes are gone from the text, colours are there as styles.
    expect(texts.join('\n')).not.toContain('\x1b');
    expect(texts.some((t) => t.includes('WARN app=hostile msg="cursor games"  after-osc'))).toBe(true);
    expect(texts.some((t) => t.includes('⟦U+202E⟧evil-rtl⟦U+202C⟧'))).toBe(true);
    const colour = async (sel: string) => page.$eval(sel, (e) => ({ text: e.textContent, color: getComputedStyle(e).color, weight: getComputedStyle(e).fontWeight }));
    expect(await colour('.log-text .ansi-fg-2')).toMatchObject({ text: 'INFO', color: 'rgb(13, 188, 121)' });
    expect(await colour('.log-text .ansi-fg-1.ansi-bold')).toMatchObject({ text: 'ERROR', color: 'rgb(205, 49, 49)', weight: '700' });
    expect(await page.$$eval('.log-text span', (ss) => ss.some((s) => (s as HTMLElement).style.color === 'rgb(255, 0, 255)' && s.textContent === 'truecolour'))).toBe(true);
    expect(await page.$$eval('.log-text .ansi-underline', (ss) => ss.map((s) => s.textContent))).toContain('underlined');
    // Nothing became markup, nothing ran.
    expect(await page.$$('img[src="x"]')).toHaveLength(0);
    expect(await page.$$eval('script', (ss) => ss.filter((s) => !s.src).length)).toBe(0);
    await page.waitForTimeout(300);
    expect(page.dialogs.map((d) => d.message())).toEqual([]);
    expect(await page.title()).toBe('Wheelhouse');
    await page.screenshot({ path: 'test-results/logs-hostile.png' });
    expect(page.errors).toEqual([]);
  });

  it('wrap mode: a long line wraps in its row, the rows stack without gaps, and following stays at the bottom', async () => {
    const [hostile] = await podsOf('app=hostile-logs');
    const page = await open(browser, serve, { pod: hostile, view: 'logs' });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="log-scroll"] .log-row').length >= 8, undefined, { timeout: 30_000 });
    // Lower than the wrapped log, so that it scrolls.
    await page.setViewportSize({ width: 1400, height: 420 });
    await page.check('[data-testid="log-wrap"]');
    await page.waitForSelector('[data-testid="log-scroll"].wrap .log-window .log-row');
    const rowsSel = '[data-testid="log-scroll"] .log-window .log-row';
    // Rows in order, where they are on screen: each starts where the one before ends, the list's height is theirs.
    const geometry = () => page.$eval('[data-testid="log-scroll"]', (el) => {
      const rows = Array.from(el.querySelectorAll<HTMLElement>('.log-window .log-row')).map((r) => {
        const b = r.getBoundingClientRect();
        return { top: b.top, bottom: b.bottom, text: (r.querySelector('.log-text') as HTMLElement).innerText };
      });
      const inner = el.querySelector('.log-inner') as HTMLElement;
      return {
        rows, innerHeight: inner.getBoundingClientRect().height, viewBottom: el.getBoundingClientRect().top + el.clientHeight,
        atEnd: el.scrollTop + el.clientHeight >= el.scrollHeight - 1, overflowX: el.scrollWidth - el.clientWidth,
      };
    });
    const stacked = (g: Awaited<ReturnType<typeof geometry>>) => g.rows.every((r, i) => i === 0 || Math.abs(r.top - g.rows[i - 1].bottom) < 0.5);
    let g = await geometry();
    expect(g.rows).toHaveLength(8);
    const long = g.rows.find((r) => r.text.includes('msg="long line"'))!;
    expect(long.text).toContain('x'.repeat(5000));
    const cols = await page.$eval(rowsSel, (r) => {
      const probe = document.createElement('span');
      probe.textContent = 'x'.repeat(100);
      probe.style.cssText = 'position: absolute; white-space: pre';
      r.appendChild(probe);
      const w = probe.getBoundingClientRect().width / 100;
      probe.remove();
      const s = getComputedStyle(r);
      return Math.floor((r.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)) / w);
    });
    expect(long.bottom - long.top).toBe(18 * Math.ceil(long.text.length / cols));
    expect(g.overflowX).toBeLessThanOrEqual(0);
    expect(stacked(g)).toBe(true);
    expect(g.innerHeight).toBe(g.rows.at(-1)!.bottom - g.rows[0].top);
    // The last line (the long one) ends at the bottom of the view.
    expect(g.atEnd).toBe(true);
    expect(Math.abs(long.bottom - g.viewBottom)).toBeLessThan(1);

    // Narrower: the rows wrap again and the end stays in view.
    await page.setViewportSize({ width: 700, height: 420 });
    await expect.poll(async () => { const x = await geometry(); return x.rows.find((r) => r.text.includes('msg="long line"'))!.bottom - x.rows.find((r) => r.text.includes('msg="long line"'))!.top; }, { timeout: 5_000 })
      .toBeGreaterThan(long.bottom - long.top);
    g = await geometry();
    expect(stacked(g)).toBe(true);
    expect(g.atEnd).toBe(true);
    expect(Math.abs(g.rows.at(-1)!.bottom - g.viewBottom)).toBeLessThan(1);

    // A reader scrolled into the long line stays on the same text when the lines above it grow
    // (timestamps shown).
    const reading = () => page.$eval('[data-testid="log-scroll"]', (el) => {
      const row = Array.from(el.querySelectorAll<HTMLElement>('.log-window .log-row')).find((r) => r.textContent!.includes('msg="long line"'))!;
      return { longTop: row.getBoundingClientRect().top - el.getBoundingClientRect().top, scrollTop: el.scrollTop };
    });
    await page.hover('[data-testid="log-scroll"]');
    await page.mouse.wheel(0, -300);
    await page.waitForSelector('[data-testid="log-resume"]', { timeout: 5_000 });
    let before = await reading();
    for (let settled = false; !settled;) { await page.waitForTimeout(100); const now = await reading(); settled = now.scrollTop === before.scrollTop; before = now; }
    expect(before.longTop).toBeLessThan(0);
    await page.check('[data-testid="log-timestamps"]');
    await page.waitForSelector('[data-testid="log-scroll"] .log-ts');
    const after = await reading();
    expect(after.scrollTop).toBeGreaterThan(before.scrollTop);
    expect(Math.abs(after.longTop - before.longTop)).toBeLessThan(1);
    g = await geometry();
    expect(stacked(g)).toBe(true);
    expect(g.innerHeight).toBe(g.rows.at(-1)!.bottom - g.rows[0].top);

    // A live log in wrap mode with timestamps, narrow enough that its lines take two rows: new lines
    // arrive at the bottom.
    const [api] = await podsOf('app=api');
    const live = await open(browser, serve, { pod: api, container: 'api', view: 'logs' });
    await live.setViewportSize({ width: 520, height: 400 });
    await live.check('[data-testid="log-wrap"]');
    await live.check('[data-testid="log-timestamps"]');
    const lastRow = () => live.$eval('[data-testid="log-scroll"]', (el) => {
      const rows = Array.from(el.querySelectorAll<HTMLElement>('.log-window .log-row'));
      const last = rows.at(-1)!.getBoundingClientRect();
      return {
        text: (rows.at(-1)!.querySelector('.log-text') as HTMLElement).innerText, height: last.height,
        atEnd: el.scrollTop + el.clientHeight >= el.scrollHeight - 1, bottomGap: el.getBoundingClientRect().top + el.clientHeight - last.bottom,
      };
    });
    await live.waitForFunction(() => /tick=\d+/.test(document.querySelector('[data-testid="log-scroll"] .log-window .log-row:last-child')?.textContent ?? ''), undefined, { timeout: 20_000 });
    const firstTick = Number(/tick=(\d+)/.exec((await lastRow()).text)![1]);
    await live.waitForFunction((t) => {
      const m = /tick=(\d+)/.exec(document.querySelector('[data-testid="log-scroll"] .log-window .log-row:last-child')?.textContent ?? '');
      return m && Number(m[1]) > t;
    }, firstTick, { timeout: 20_000 });
    const end = await lastRow();
    expect(end.height).toBeGreaterThanOrEqual(36);
    expect(end.atEnd).toBe(true);
    expect(Math.abs(end.bottomGap)).toBeLessThan(1);
    expect(await live.$('[data-testid="log-resume"]')).toBeNull();
    expect(page.errors).toEqual([]);
    expect(live.errors).toEqual([]);
  });

  it('a terminal: echo $((6*7)) reads 42, stty size follows a resize, exit 3 shows the status', async () => {
    const [pod] = await podsOf('app=api');
    const page = await open(browser, serve, { pod, container: 'api', view: 'terminal' });
    await page.waitForSelector('[data-testid="terminal-status"][data-state="open"]', { timeout: 30_000 });
    // The shell's first output (its prompt) means the initial terminal size has landed too.
    await page.waitForFunction(() => ((document.querySelector('.xterm-rows') as HTMLElement).innerText).trim().length > 0, undefined, { timeout: 20_000 });
    await typeInTerminal(page, 'echo $((6*7))');
    await page.waitForFunction(() => /^42\s*$/m.test((document.querySelector('.xterm-rows') as HTMLElement).innerText), undefined, { timeout: 20_000 });

    const size = async () => {
      const before = (await terminalText(page)).length;
      await typeInTerminal(page, 'stty size');
      await page.waitForFunction((n) => {
        const t = (document.querySelector('.xterm-rows') as HTMLElement).innerText;
        return t.length > n && /^\d+ \d+\s*$/m.test(t.slice(n - 1));
      }, before, { timeout: 20_000 });
      const m = [...(await terminalText(page)).matchAll(/^(\d+) (\d+)\s*$/gm)].at(-1)!;
      return { rows: Number(m[1]), cols: Number(m[2]) };
    };
    const first = await size();
    const domRows = await page.$$eval('.xterm-rows > div', (d) => d.length);
    expect(first.rows).toBe(domRows);
    await page.setViewportSize({ width: 900, height: 600 });
    await page.waitForFunction((n) => document.querySelectorAll('.xterm-rows > div').length !== n, domRows, { timeout: 10_000 });
    await page.waitForTimeout(300);
    const second = await size();
    expect(second.rows).toBe(await page.$$eval('.xterm-rows > div', (d) => d.length));
    expect(second.cols).toBeLessThan(first.cols);
    expect(second.rows).toBeLessThan(first.rows);

    await typeInTerminal(page, 'exit 3');
    await page.waitForSelector('[data-testid="terminal-status"][data-exit-code="3"]', { timeout: 20_000 });
    expect(await page.textContent('[data-testid="terminal-status"]')).toBe('Exited with code 3');
    expect(await terminalText(page)).toContain('[exited with code 3]');
    await page.screenshot({ path: 'test-results/terminal.png' });
    expect(page.errors).toEqual([]);
  });

  it('several terminals at once; closing a tab ends its remote process', async () => {
    const [pod] = await podsOf('app=api');
    const marker = `sleep 7${Math.floor(Math.random() * 1e5)}`;
    const running = async () => Number((await k(['exec', '-n', 'demo', pod, '-c', 'api', '--', 'sh', '-c',
      `for p in /proc/[0-9]*; do tr '\\0' ' ' < $p/cmdline 2>/dev/null; echo; done | grep -c -- '^${marker} $' || true`])).trim()) > 0;
    const page = await open(browser, serve, { pod, container: 'api', view: 'terminal' });
    await page.waitForSelector('[data-testid="terminal-status"][data-state="open"]', { timeout: 30_000 });
    await page.click('[data-testid="terminal-new"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="terminal-status"][data-state="open"]').length === 2, undefined, { timeout: 30_000 });
    const visibleBox = page.locator('.terminal-panel:not([hidden]) [data-testid="terminal-box"]');
    await visibleBox.click();
    await page.keyboard.type(marker);
    await page.keyboard.press('Enter');
    await expect.poll(running, { timeout: 20_000, interval: 500 }).toBe(true);
    await page.click('[data-testid="terminal-close-2"]');
    await expect.poll(running, { timeout: 20_000, interval: 500 }).toBe(false);
    // The first shell is still there and answers.
    await page.waitForSelector('.terminal-panel:not([hidden]) [data-testid="terminal-status"][data-state="open"]');
    await page.locator('.terminal-panel:not([hidden]) [data-testid="terminal-box"]').click();
    await page.keyboard.type('echo still-$((40+2))');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.terminal-panel:not([hidden]) .xterm-rows')).some((e) => /^still-42\s*$/m.test((e as HTMLElement).innerText)), undefined, { timeout: 20_000 });
    expect(page.errors).toEqual([]);
  });

  it('port-forwards: start one to a pod from the page, it answers on 127.0.0.1, stop it', async () => {
    const [pod] = await podsOf('app=api');
    const page = await open(browser, serve, { pod, view: 'portforward' });
    await page.fill('[data-testid="pf-remote"]', '8080');
    await page.click('[data-testid="pf-start"]');
    const row = await page.waitForSelector('[data-testid="pf-row"]', { timeout: 30_000 });
    const port = Number(await row.getAttribute('data-local-port'));
    expect(port).toBeGreaterThan(0);
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect(await res.text()).toBe(ECHO_BODY);
    expect(await row.textContent()).toContain(`demo/${pod}:8080`);
    await page.click('[data-testid="pf-stop"]');
    await page.waitForSelector('[data-testid="pf-row"]', { state: 'detached', timeout: 10_000 });
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    expect(page.errors).toEqual([]);
  });
});
