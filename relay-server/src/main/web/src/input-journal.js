// The input this page has handed to its connections: counted, the newest 64 KiB (at least) kept, so
// that after a reconnect the bytes a dead connection swallowed are sent again (PROTOCOL.md 5.1).

export const KEEP_BYTES = 64 * 1024;

export class InputJournal {
  constructor() {
    this.reset(0);
  }

  /** Counts `bytes` (a Uint8Array the caller no longer changes) as handed to a connection. */
  record(bytes) {
    this.kept.push(bytes);
    this.keptBytes += bytes.length;
    this.sent += bytes.length;
    while (this.kept.length > 0 && this.keptBytes - this.kept[0].length >= KEEP_BYTES) {
      this.keptBytes -= this.kept.shift().length;
    }
  }

  /**
   * Reconciles with a `ready` whose `input` is `relayHas` (absent: the relay counts this client from
   * 0 now). Returns `{chunks, lost}`: the bytes to send again, oldest first, and how many the relay
   * missed that are no longer kept. Counts that cannot be reconciled become the relay's.
   */
  afterReady(relayHas) {
    if (typeof relayHas !== 'number') {
      this.reset(0);
      return { chunks: [], lost: 0 };
    }
    const missing = this.sent - relayHas;
    if (missing === 0) return { chunks: [], lost: 0 };
    if (missing < 0 || missing > this.keptBytes) {
      this.reset(relayHas);
      return { chunks: [], lost: Math.max(0, missing) };
    }
    return { chunks: this.tail(missing), lost: 0 };
  }

  tail(bytes) {
    const chunks = [];
    let left = bytes;
    for (let i = this.kept.length - 1; left > 0; i--) {
      const chunk = this.kept[i];
      chunks.unshift(chunk.length <= left ? chunk : chunk.subarray(chunk.length - left));
      left -= Math.min(left, chunk.length);
    }
    return chunks;
  }

  reset(count) {
    this.kept = [];
    this.keptBytes = 0;
    this.sent = count;
  }
}
