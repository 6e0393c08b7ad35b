// Text for the rollout panel, pure so it can be tested: every cluster value becomes plain text.

/** A field value from a template diff as one line of text (objects as compact JSON). */
export function formatChangeValue(v: unknown): string {
  if (v === undefined) return '(absent)';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** How full a bar is: value of desired, clamped to 0..100 (%); an empty target is full when nothing is wanted. */
export function barPercent(value: number, desired: number): number {
  if (desired <= 0) return value > 0 ? 100 : 0;
  return Math.max(0, Math.min(100, Math.round((value / desired) * 100)));
}

/** "nginx:1.25" or "web=nginx:1.25, side=busybox" when there are several containers. */
export function imagesText(images: { container: string; image: string }[]): string {
  if (images.length === 1) return images[0].image;
  return images.map((i) => `${i.container}=${i.image}`).join(', ');
}

export const SCALE_MAX = 100_000;

/** A replica count typed by a person, or undefined when it is not a whole number in range. */
export function parseReplicas(text: string): number | undefined {
  if (!/^\d{1,6}$/.test(text.trim())) return undefined;
  const n = Number(text.trim());
  return n <= SCALE_MAX ? n : undefined;
}
