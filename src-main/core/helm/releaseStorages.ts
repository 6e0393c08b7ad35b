import type { Core } from '../core';
import { ContractError } from '../../../shared/contract/contractError';
import { ReleaseStorage, type StoredRevision } from './releaseStorage';

// One ReleaseStorage per context and namespace (or all), shared by every subscriber and request,
// reference counted and kept a while after the last one leaves (like the watch hub's informers).

const LINGER_MS = 30_000;

interface Slot { storage: ReleaseStorage; refs: number; linger?: NodeJS.Timeout }

export class ReleaseStorages {
  private readonly slots = new Map<string, Slot>();

  constructor(private readonly core: Core) {
    core.onDispose.push(async () => {
      const all = [...this.slots.values()];
      this.slots.clear();
      await Promise.all(all.map((s) => { clearTimeout(s.linger); return s.storage.stop(); }));
    });
  }

  acquire(context: string, namespace: string | undefined): { storage: ReleaseStorage; release(): void } {
    const key = `${context}\u0000${namespace ?? '*'}`;
    let slot = this.slots.get(key);
    if (!slot) {
      // Throws now (unknown context) rather than on the first list.
      this.core.connection(context);
      slot = { storage: new ReleaseStorage(this.core.hub, context, namespace), refs: 0 };
      this.slots.set(key, slot);
    }
    const s = slot;
    clearTimeout(s.linger);
    s.refs++;
    let released = false;
    return {
      storage: s.storage,
      release: () => {
        if (released) return;
        released = true;
        if (--s.refs > 0) return;
        s.linger = setTimeout(() => {
          if (s.refs > 0 || this.slots.get(key) !== s) return;
          this.slots.delete(key);
          void s.storage.stop();
        }, LINGER_MS);
        s.linger.unref?.();
      },
    };
  }

  /** The stored revisions of one namespace once listed (for requests, not subscriptions). */
  async revisions(context: string, namespace: string, timeoutMs = 60_000): Promise<StoredRevision[]> {
    const { storage, release } = this.acquire(context, namespace);
    try {
      return await new Promise<StoredRevision[]>((resolve, reject) => {
        const timer = setTimeout(() => { off(); reject(new ContractError('timeout', `Helm's release storage in namespace ${namespace} was not listed within ${timeoutMs / 1000} s (${storage.freshness().reason ?? storage.freshness().state}).`)); }, timeoutMs);
        const off = storage.subscribe({
          onRevisions: (revs) => { clearTimeout(timer); queueMicrotask(() => off()); resolve(revs); },
          onFreshness: (f) => {
            if (f.state === 'forbidden' || f.state === 'unauthorized') {
              clearTimeout(timer); queueMicrotask(() => off());
              reject(new ContractError(f.state === 'forbidden' ? 'forbidden' : 'unauthorized', `Cannot read Helm's release storage in namespace ${namespace}: ${f.reason ?? f.state}`));
            }
          },
        });
      });
    } finally {
      release();
    }
  }
}
