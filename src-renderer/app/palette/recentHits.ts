// Objects chosen lately in the palette, per context, newest first (kept in the page's localStorage:
// names only, nothing secret). Shown when the palette opens and ranked first in searches.
import type { Hit } from './paletteIndex';

const MAX = 20;
const keyOf = (context: string) => `wheelhouse.palette.recent.${context}`;

export function loadRecent(context: string): Hit[] {
  try {
    const v = JSON.parse(localStorage.getItem(keyOf(context)) ?? '[]');
    return Array.isArray(v) ? v.filter((h) => h && typeof h.key === 'string' && typeof h.name === 'string') : [];
  } catch {
    return [];
  }
}

export function saveRecent(context: string, hit: Hit): void {
  const next = [hit, ...loadRecent(context).filter((h) => h.key !== hit.key)].slice(0, MAX);
  try { localStorage.setItem(keyOf(context), JSON.stringify(next)); } catch { /* storage full or off: recent items are a convenience */ }
}
