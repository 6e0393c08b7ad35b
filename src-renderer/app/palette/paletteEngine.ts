// The palette index's messages, answered the same way in the worker and in the page (where workers
// are not available): one handler, so both behave alike.
import { PaletteIndex, type Hit, type IndexItem, type IndexKind, type SearchParams } from './paletteIndex';

export type IndexRequest =
  | { type: 'replace'; kind: IndexKind; items: IndexItem[] }
  | { type: 'apply'; kind: IndexKind; upserts: IndexItem[]; deletes: string[] }
  | { type: 'drop'; kind: IndexKind }
  | { type: 'clear' }
  | { type: 'search'; id: number; params: SearchParams };

export interface SearchReply { id: number; hits: Hit[]; size: number; ms: number }

export function createIndexHandler(): (req: IndexRequest) => SearchReply | undefined {
  let index = new PaletteIndex();
  return (req) => {
    switch (req.type) {
      case 'replace': index.replace(req.kind, req.items); return undefined;
      case 'apply': index.apply(req.kind, req.upserts, req.deletes); return undefined;
      case 'drop': index.dropKind(req.kind); return undefined;
      case 'clear': index = new PaletteIndex(); return undefined;
      case 'search': {
        const t0 = performance.now();
        const hits = index.search(req.params);
        return { id: req.id, hits, size: index.size, ms: performance.now() - t0 };
      }
    }
  };
}
