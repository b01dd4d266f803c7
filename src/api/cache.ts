import type { Store } from '../store/index.js';

export interface CachedResponse {
  body: string;
  type: string;
  headers?: Record<string, string>;
}

export const CHANGE_CHANNEL = 'threadlens_changes';

/**
 * Finished response bodies of the read-heavy routes (review pages, reports), dropped whenever what
 * they show may have changed: at once for this process's own writes (read-your-writes), and on the
 * database's NOTIFY for writes by other processes (workers, other API replicas). A body computed
 * while an invalidation happened is not kept (generation check), so a cached page is never older
 * than the last notification. If the notification connection drops, the cache is bypassed until it
 * is back. Bounded by bytes; the oldest entries go first.
 */
export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;
  private generation = 0;
  private connected = true;
  private detach: Array<() => unknown> = [];

  private constructor(private readonly maxBytes: number) {}

  static async attach(store: Store, maxBytes: number): Promise<ResponseCache> {
    const cache = new ResponseCache(maxBytes);
    if (maxBytes <= 0) return cache;
    cache.detach.push(store.onChange(() => cache.invalidate()));
    const stop = await store.db.listen(
      CHANGE_CHANNEL,
      () => {
        cache.connected = true;
        cache.invalidate();
      },
      () => {
        cache.connected = false;
        cache.invalidate();
      },
    );
    cache.detach.push(stop);
    return cache;
  }

  async get(key: string, compute: () => Promise<CachedResponse>): Promise<{ value: CachedResponse; hit: boolean }> {
    if (this.maxBytes <= 0 || !this.connected) return { value: await compute(), hit: false };
    const hit = this.entries.get(key);
    if (hit) return { value: hit, hit: true };
    const gen = this.generation;
    const value = await compute();
    if (gen === this.generation && this.connected) this.put(key, value);
    return { value, hit: false };
  }

  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  async close(): Promise<void> {
    for (const d of this.detach.splice(0)) await d();
    this.invalidate();
  }

  private put(key: string, value: CachedResponse): void {
    const size = value.body.length * 2;
    if (size > this.maxBytes / 4) return;
    this.entries.set(key, value);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.body.length * 2;
    }
  }
}
