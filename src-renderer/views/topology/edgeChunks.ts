/**
 * A long dashed edge drawn as several short paths. Skia dashes a stroked path along its whole length
 * whenever any part of it is drawn, and the raster draws a path into every tile its bounds touch: one
 * dashed edge across a 3,000-pod namespace (a ConfigMap mounted from the far end of the graph) cost
 * thousands of dashes in each of dozens of tiles, on every pan that brings new tiles in and every zoom
 * step. As pieces of at most `maxLength`, a tile draws only the few pieces that cross it. Each piece
 * starts its dash pattern where the previous one stopped (`offset`), so the dashes run on unbroken.
 */
import type { Rect } from './cullRegion';

export interface Point { x: number; y: number }
export interface Cubic { p0: Point; c1: Point; c2: Point; p3: Point }
/** A piece's path, the dash offset it starts at, and a box that holds it (its control points' box). */
export interface EdgeChunk { d: string; offset: number; box: Rect }

/** The four points of an `M x,y C x,y x,y x,y` path (what React Flow's getBezierPath returns). */
export function parseCubic(path: string): Cubic | undefined {
  const n = path.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi)?.map(Number);
  if (!n || n.length !== 8 || !/^M[^C]*C[^C]*$/.test(path.trim())) return undefined;
  return { p0: { x: n[0], y: n[1] }, c1: { x: n[2], y: n[3] }, c2: { x: n[4], y: n[5] }, p3: { x: n[6], y: n[7] } };
}

const lerp = (a: Point, b: Point, t: number): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });

export function pointAt(c: Cubic, t: number): Point {
  const a = lerp(c.p0, c.c1, t);
  const b = lerp(c.c1, c.c2, t);
  const d = lerp(c.c2, c.p3, t);
  return lerp(lerp(a, b, t), lerp(b, d, t), t);
}

/** The cubic cut in two at t (de Casteljau). */
export function splitAt(c: Cubic, t: number): [Cubic, Cubic] {
  const a = lerp(c.p0, c.c1, t);
  const b = lerp(c.c1, c.c2, t);
  const d = lerp(c.c2, c.p3, t);
  const e = lerp(a, b, t);
  const f = lerp(b, d, t);
  const m = lerp(e, f, t);
  return [{ p0: c.p0, c1: a, c2: e, p3: m }, { p0: m, c1: f, c2: d, p3: c.p3 }];
}

/** Arc length, from a polyline of `steps` segments (close enough to place dashes). */
export function cubicLength(c: Cubic, steps = 16): number {
  let len = 0;
  let prev = c.p0;
  for (let i = 1; i <= steps; i++) {
    const p = pointAt(c, i / steps);
    len += Math.hypot(p.x - prev.x, p.y - prev.y);
    prev = p;
  }
  return len;
}

const r = (v: number) => Math.round(v * 100) / 100;
const boxOf = (c: Cubic): Rect => ({
  x0: Math.min(c.p0.x, c.c1.x, c.c2.x, c.p3.x), y0: Math.min(c.p0.y, c.c1.y, c.c2.y, c.p3.y),
  x1: Math.max(c.p0.x, c.c1.x, c.c2.x, c.p3.x), y1: Math.max(c.p0.y, c.c1.y, c.c2.y, c.p3.y),
});
const pathOf = (c: Cubic) => `M${r(c.p0.x)},${r(c.p0.y)} C${r(c.c1.x)},${r(c.c1.y)} ${r(c.c2.x)},${r(c.c2.y)} ${r(c.p3.x)},${r(c.p3.y)}`;

/**
 * The cubic as pieces of about `maxLength` (cut at equal steps of t: a bezier edge runs slower near its
 * ends, so pieces there are shorter, which costs nothing), each with the dash offset it starts at.
 */
export function edgeChunks(c: Cubic, maxLength: number): EdgeChunk[] {
  const n = Math.max(1, Math.ceil(cubicLength(c, 16) / maxLength));
  if (n === 1) return [{ d: pathOf(c), offset: 0, box: boxOf(c) }];
  const out: EdgeChunk[] = [];
  let offset = 0;
  let rest = c;
  for (let i = 0; i < n; i++) {
    // The remaining curve's first 1/(n - i) is the next piece.
    const [piece, after] = i === n - 1 ? [rest, rest] : splitAt(rest, 1 / (n - i));
    out.push({ d: pathOf(piece), offset: r(offset), box: boxOf(piece) });
    offset += cubicLength(piece, 4);
    rest = after;
  }
  return out;
}

/** Pieces per path, for edges that mount again as the view pans back and forth (bounded). */
const cache = new Map<string, EdgeChunk[]>();
const CACHE_SIZE = 4000;

export function cachedEdgeChunks(path: string, maxLength: number): EdgeChunk[] | undefined {
  const key = `${maxLength}|${path}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const c = parseCubic(path);
  if (!c) return undefined;
  const chunks = edgeChunks(c, maxLength);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, chunks);
  return chunks;
}
