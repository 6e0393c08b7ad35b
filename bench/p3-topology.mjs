// P3: the topology view of one big namespace. First paint (route change → the frame after the first
// React Flow node is in the DOM, and → the node count settling), then frame times while panning and
// zooming (requestAnimationFrame intervals). The view adds no performance marks, so a MutationObserver
// watches `.react-flow__node`.
import { percentile, round } from './lib/stats.mjs';

/** In the page: changes the route and reports when topology nodes appear and settle. */
function openAndWatch({ hash, settleMs, timeoutMs }) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let first;
    let firstFrame;
    let lastChange = t0;
    let count = 0;
    const countNodes = () => document.querySelectorAll('.react-flow__node').length;
    const finish = (timedOut) => {
      obs.disconnect();
      clearInterval(tick);
      resolve({ firstNodesMs: first, firstFrameMs: firstFrame, settledMs: lastChange - t0, nodesInDom: count, timedOut });
    };
    const obs = new MutationObserver(() => {
      const n = countNodes();
      if (n === count) return;
      count = n;
      const t = performance.now();
      lastChange = t;
      if (first === undefined && n > 0) {
        first = t - t0;
        requestAnimationFrame(() => { firstFrame = performance.now() - t0; });
      }
    });
    obs.observe(document.body, { subtree: true, childList: true });
    const tick = setInterval(() => {
      const t = performance.now();
      if (first !== undefined && firstFrame !== undefined && t - lastChange > settleMs) finish(false);
      else if (t - t0 > timeoutMs) finish(true);
    }, 100);
    window.location.hash = hash;
  });
}

function startFrameSampler() {
  const w = /** @type {any} */ (window);
  w.__whFrames = [];
  w.__whSampling = true;
  let last = performance.now();
  const loop = (t) => {
    w.__whFrames.push(t - last);
    last = t;
    if (w.__whSampling) requestAnimationFrame(loop);
  };
  requestAnimationFrame((t) => { last = t; requestAnimationFrame(loop); });
}

function stopFrameSampler() {
  const w = /** @type {any} */ (window);
  w.__whSampling = false;
  return w.__whFrames;
}

/** Pans with the mouse and zooms with the wheel over the React Flow pane, sampling frame intervals. */
async function panAndZoom(page) {
  const pane = await page.$('.react-flow__pane');
  if (!pane) throw new Error('no .react-flow__pane');
  const box = await pane.boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.evaluate(startFrameSampler);
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; i < 60; i++) { await page.mouse.move(cx - i * 8, cy - i * 5); await page.waitForTimeout(16); }
  for (let i = 0; i < 60; i++) { await page.mouse.move(cx - 480 + i * 8, cy - 300 + i * 5); await page.waitForTimeout(16); }
  await page.mouse.up();
  for (let i = 0; i < 15; i++) { await page.mouse.wheel(0, -120); await page.waitForTimeout(50); }
  for (let i = 0; i < 25; i++) { await page.mouse.wheel(0, 120); await page.waitForTimeout(50); }
  await page.waitForTimeout(300);
  const frames = await page.evaluate(stopFrameSampler);
  return {
    frames: frames.length, p50: round(percentile(frames, 50), 1), p95: round(percentile(frames, 95), 1), max: round(Math.max(...frames), 1),
    over50ms: frames.filter((f) => f > 50).length,
  };
}

/**
 * @param {{ page: import('playwright-core').Page, context: string, namespace: string, awayHash: string, log: (m: string) => void }} o
 */
export async function measureTopology(o) {
  const { page } = o;
  const hash = `#/c/${encodeURIComponent(o.context)}/overview?ns=${encodeURIComponent(o.namespace)}`;
  // Cold: the core has to LIST every kind of the namespace first.
  const cold = await page.evaluate(openAndWatch, { hash, settleMs: 2000, timeoutMs: 90_000 });
  o.log(`P3 topology ${o.namespace} cold: first nodes ${round(cold.firstFrameMs)} ms, settled ${round(cold.settledMs)} ms, ${cold.nodesInDom} nodes in the DOM`);
  const frames = await panAndZoom(page);
  o.log(`P3 pan/zoom: frame p50 ${frames.p50} ms, p95 ${frames.p95} ms, max ${frames.max} ms (${frames.frames} frames)`);
  // Warm: away and back within the hub's linger time, so the core still holds the namespace.
  await page.evaluate((h) => { window.location.hash = h; }, o.awayHash);
  await page.waitForTimeout(1500);
  const warm = await page.evaluate(openAndWatch, { hash, settleMs: 2000, timeoutMs: 90_000 });
  o.log(`P3 topology ${o.namespace} warm: first nodes ${round(warm.firstFrameMs)} ms, settled ${round(warm.settledMs)} ms`);
  return { cold, warm, panZoom: frames };
}
