/** A small LRU of positive introspection answers, keyed by a hash of the token and never kept past its `exp`. */
import { createHash } from 'node:crypto';

interface Entry<T> {
  readonly value: T;
  readonly expiresAt: number;
}

export class PositiveAnswerCache<T> {
  readonly #entries = new Map<string, Entry<T>>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  /** The hash, not the token, is the key, so a heap dump of the cache yields no usable tokens. */
  static keyOf(token: string): string {
    return createHash('sha256').update(token).digest('base64url');
  }

  get(key: string, now: number): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (now >= entry.expiresAt) {
      this.#entries.delete(key);
      return undefined;
    }
    // Re-inserting moves the entry to the end of the Map's order, which is what makes it least recently used last.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Stores an answer until `now + ttl` or the token's expiry, whichever is first. */
  set(key: string, value: T, tokenExpiresAtMs: number, now: number): void {
    const expiresAt = Math.min(now + this.ttlMs, tokenExpiresAtMs);
    if (expiresAt <= now) return;
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt });
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }
}
