import { grown } from '../arrays.js';

/**
 * Token hashing for the matcher: a polynomial hash over normalized UTF-16 units, computed left to
 * right, so that the hash of any suffix of a token (the stem after clitic letters) is derived from
 * prefix hashes without building the suffix string: `H(s[k..]) = P(s) - P(s[..k]) * B^(len-k)`.
 * All arithmetic is mod 2^32. Collisions are possible, so every match is verified on its strings.
 * @internal
 */
export const HASH_B = 0x9e3779b1 | 0;
export const MAX_HASH_LEN = 256;

let powCache: Int32Array | undefined;
/** B^i mod 2^32 for i < MAX_HASH_LEN (built on first use). */
export function hashPowers(): Int32Array {
  if (powCache) return powCache;
  const p = new Int32Array(MAX_HASH_LEN + 1);
  p[0] = 1;
  for (let i = 1; i <= MAX_HASH_LEN; i++) p[i] = Math.imul(p[i - 1]!, HASH_B);
  return (powCache = p);
}

export function hashString(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, HASH_B) + s.charCodeAt(i)) | 0;
  return h;
}

/** H(prefix + s) from H(s) and |s|. */
export function hashPrepend(prefixHash: number, h: number, len: number): number {
  return (Math.imul(prefixHash, hashPowers()[Math.min(len, MAX_HASH_LEN)]!) + h) | 0;
}

/** Slots of an open-addressing table for `n` members, at most half full: a power of two, at least 16. */
function halfFull(n: number): number {
  let cap = 16;
  while (cap < 2 * n) cap <<= 1;
  return cap;
}

/** Size of the root filter for `rootKids` children: 16 bits each, at least 64K, at most 64M. @internal */
export function rootFilterBits(rootKids: number): number {
  let bits = 65536;
  while (bits < rootKids * 16 && bits < 1 << 26) bits <<= 1;
  return bits;
}

/**
 * The bit of a child's token hash in its parent's signature (see `HashTrie.mayHaveChild`).
 * @internal
 */
export const childBit = (h: number): number => Math.imul(h, 0x9e3779b1) >>> 28;

/** Everything a `HashTrie` is made of (see `snapshot`). */
export interface TrieParts {
  readonly table: Int32Array;
  readonly nodes: number;
  readonly size: number;
  /** Per node, the `childBit` of each of its children's token hashes (0: a leaf). */
  readonly sigs: Uint16Array;
  /** The root filter (`rootFilterBits(rootKids)` bits) and the number of root children it was sized for. */
  readonly rootBits: Uint32Array;
  readonly rootKids: number;
}

/**
 * An open-addressing map from (node, token hash) to child node, in one Int32Array.
 * Node 0 is the root. Built once, then only read.
 */
export class HashTrie {
  private table: Int32Array;
  private mask: number;
  private size = 0;
  nodes = 1;
  /**
   * A filter of the token hashes that start a key (children of the root): most words start none.
   * At least 64K bits, and 16 bits per root child (a million-name lexicon starts with ~500k
   * distinct tokens: a fixed 64K-bit filter would be all ones).
   */
  private rootBits: Uint32Array = new Uint32Array(2048);
  private rootShift = 16;
  private rootKids = 0;
  /** The filter is rebuilt at its new size on the next `mayStart` (once, after the trie is built). */
  private rootStale = false;
  /**
   * Per node, one bit per child (`childBit` of its token hash: 16 classes). 0 for a leaf (most names
   * end in one: no lookup of the next token there), and elsewhere a filter of the next tokens: a
   * node with a few children (في → تي of في تي بي, the bank) rejects most tokens without a probe of
   * the table, which is large enough to miss the cache.
   */
  private sigs: Uint16Array = new Uint16Array(64);

  /**
   * A table for `expected` children in all, at most half full; or the one in `memory` (zeros, 3 ints
   * a slot, a power of two slots: see `slotsFor`) with room for the nodes' signatures, both parts of
   * a larger buffer.
   */
  constructor(expected: number, memory?: { readonly table: Int32Array; readonly sigs: Uint16Array }) {
    const cap = memory ? memory.table.length / 3 : HashTrie.slotsFor(expected);
    this.table = memory?.table ?? new Int32Array(cap * 3);
    this.mask = cap - 1;
    if (memory && memory.sigs.length > this.sigs.length) this.sigs = memory.sigs;
  }

  /** The slots of a table for `expected` children: a power of two, at most half full. */
  static slotsFor(expected: number): number {
    return halfFull(expected);
  }

  private slot(parent: number, h: number): number {
    let x = Math.imul(parent ^ 0x27d4eb2d, 0x85ebca6b) ^ h;
    x = Math.imul(x ^ (x >>> 15), 0xc2b2ae35);
    return (x ^ (x >>> 13)) & this.mask;
  }

  private rootBit(h: number): number {
    return Math.imul(h ^ (h >>> 16), 0x2c1b3c6d) >>> this.rootShift;
  }

  /** False when no key starts with a token of hash `h` (true: maybe). */
  mayStart(h: number): boolean {
    if (this.rootStale) this.rebuildRoot();
    const b = this.rootBit(h);
    return (this.rootBits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }

  /** Whether `node` has any child. */
  hasChildren(node: number): boolean {
    return this.sigs[node] !== 0;
  }

  /** False when `node` has no child for token hash `h` (true: maybe). */
  mayHaveChild(node: number, h: number): boolean {
    return (this.sigs[node]! & (1 << childBit(h))) !== 0;
  }

  /** Child of `parent` for token hash `h`, or -1. */
  find(parent: number, h: number): number {
    const t = this.table;
    let i = this.slot(parent, h);
    for (;;) {
      const o = i * 3;
      const p = t[o]!;
      if (p === 0) return -1;
      if (p === parent + 1 && t[o + 1] === h) return t[o + 2]!;
      i = (i + 1) & this.mask;
    }
  }

  /** The node of a key (token hashes of its space-separated parts, as `hashString` makes them), or -1. */
  findKey(key: string): number {
    return this.walkKey(key, false);
  }

  /** The node of a key, its path created where missing (see `findKey`). */
  insertKey(key: string): number {
    return this.walkKey(key, true);
  }

  private walkKey(key: string, create: boolean): number {
    let node = 0;
    let h = 0;
    for (let i = 0; i <= key.length && node >= 0; i++) {
      const c = i < key.length ? key.charCodeAt(i) : 0x20;
      if (c !== 0x20) h = (Math.imul(h, HASH_B) + c) | 0;
      else {
        node = create ? this.child(node, h) : this.find(node, h);
        h = 0;
      }
    }
    return node;
  }

  /** Child of `parent` for `h`, created if missing. */
  child(parent: number, h: number): number {
    // one probe sequence: it ends on the child or on the empty slot the new child goes to
    const t = this.table;
    let i = this.slot(parent, h);
    for (;;) {
      const o = i * 3;
      const p = t[o]!;
      if (p === 0) break;
      if (p === parent + 1 && t[o + 1] === h) return t[o + 2]!;
      i = (i + 1) & this.mask;
    }
    const node = this.nodes++;
    if ((this.size + 1) * 2 > this.mask + 1) {
      this.grow();
      this.put(parent, h, node);
    } else {
      t[i * 3] = parent + 1;
      t[i * 3 + 1] = h;
      t[i * 3 + 2] = node;
      this.size++;
    }
    if (this.nodes > this.sigs.length) this.sigs = grown(this.sigs, this.sigs.length * 2);
    this.sigs[parent]! |= 1 << childBit(h);
    if (parent === 0 && !this.rootStale) {
      if (++this.rootKids * 16 > this.rootBits.length * 32) this.rootStale = true;
      else {
        const b = this.rootBit(h);
        this.rootBits[b >>> 5]! |= 1 << (b & 31);
      }
    } else if (parent === 0) this.rootKids++;
    return node;
  }

  /**
   * Inserts a batch of keys: key q is the token hashes `hashes[first[q]] .. hashes[first[q + 1] - 1]`,
   * and `out[at + q]` gets its node, as `child` would give them one by one. A large table misses the
   * cache on nearly every probe, and one key's probes depend on each other (each token's parent is
   * the previous token's node): inserted key by key, each probe waits for the one before. So the
   * batch goes a level at a time, the first tokens of all its keys, then their second tokens…:
   * consecutive probes are of different keys, and the processor overlaps their misses.
   */
  insertBatch(hashes: Int32Array, first: Int32Array, n: number, out: Int32Array, at: number): void {
    for (let q = 0; q < n; q++) out[at + q] = 0;
    for (let level = 0, any = true; any; level++) {
      any = false;
      for (let q = 0; q < n; q++) {
        const j = first[q]! + level;
        if (j >= first[q + 1]!) continue;
        out[at + q] = this.child(out[at + q]!, hashes[j]!);
        any = true;
      }
    }
  }

  private put(parent: number, h: number, node: number): void {
    const t = this.table;
    let i = this.slot(parent, h);
    while (t[i * 3] !== 0) i = (i + 1) & this.mask;
    t[i * 3] = parent + 1;
    t[i * 3 + 1] = h;
    t[i * 3 + 2] = node;
    this.size++;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    this.size = 0;
    for (let o = 0; o < old.length; o += 3) if (old[o] !== 0) this.put(old[o]! - 1, old[o + 1]!, old[o + 2]!);
  }

  /** Sizes the root filter for `rootKids` children and sets the bit of each (one pass over the table). */
  private rebuildRoot(): void {
    this.rootStale = false;
    const bits = rootFilterBits(this.rootKids);
    this.rootBits = new Uint32Array(bits >>> 5);
    this.rootShift = 32 - Math.log2(bits);
    const t = this.table;
    for (let o = 0; o < t.length; o += 3) {
      if (t[o] !== 1) continue; // parent 0 is stored as 1
      const b = this.rootBit(t[o + 1]!);
      this.rootBits[b >>> 5]! |= 1 << (b & 31);
    }
  }

  /** The table's state, to be written into a precomputed artifact (`HashTrie.fromParts` reads it back; the root filter is brought up to date first). */
  snapshot(): TrieParts {
    if (this.rootStale) this.rebuildRoot();
    return { table: this.table, nodes: this.nodes, size: this.size, sigs: this.sigs.subarray(0, this.nodes), rootBits: this.rootBits, rootKids: this.rootKids };
  }

  /**
   * A trie from all the parts of a snapshot, used as they are (nothing is derived or copied: a
   * fresh process reads the shipped trie without a pass over its table). Returns undefined when the
   * parts do not fit together; their contents are not checked (the caller checks lookups).
   */
  static fromParts(p: TrieParts): HashTrie | undefined {
    const cap = p.table.length / 3;
    const bits = p.rootBits.length * 32;
    if (!Number.isInteger(cap) || cap < 16 || (cap & (cap - 1)) !== 0 || p.size * 2 > cap || p.nodes < 1 || p.sigs.length !== p.nodes) return undefined;
    if (bits !== rootFilterBits(p.rootKids)) return undefined;
    const t = new HashTrie(0);
    t.table = p.table;
    t.mask = cap - 1;
    t.size = p.size;
    t.nodes = p.nodes;
    t.sigs = p.sigs;
    t.rootBits = p.rootBits;
    t.rootShift = 32 - Math.log2(bits);
    t.rootKids = p.rootKids;
    return t;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.table.byteLength;
  }
}

/**
 * A set of token hashes with a 64K-bit pre-filter: a miss (the common case) costs one bit test.
 * Members sit in an open-addressing table of integers (no `Set`: a lookup is a probe or two, not a
 * number hash through the runtime) and in a list; `clear` forgets them by a stamp, without freeing
 * the table, so a set emptied per document (the parts of full names) allocates nothing once grown.
 */
export class HashSet32 {
  private readonly bits = new Uint32Array(2048);
  /** Slot i holds `keys[i]` when `used[i] === stamp`. */
  private keys = new Int32Array(16);
  private used = new Int32Array(16);
  private mask = 15;
  private stamp = 1;
  /** The members, in insertion order (`count` of them). */
  private list = new Int32Array(8);
  private count = 0;
  constructor(hashes: Iterable<number> = []) {
    // an indexed loop over arrays (cold start: no iterator protocol in the interpreter)
    const list = Array.isArray(hashes) || ArrayBuffer.isView(hashes) ? (hashes as ArrayLike<number>) : [...hashes];
    // sized once for what it will hold (the sets are built at cold start, where every grow is interpreted)
    this.reserve(list.length);
    for (let i = 0; i < list.length; i++) this.add(list[i]!);
  }
  /** Room for `n` members without growing. */
  private reserve(n: number): void {
    const cap = halfFull(n);
    if (cap > this.mask + 1) this.resize(cap);
    if (this.list.length < n) this.list = grown(this.list, n, this.count);
  }
  /** A table of `cap` slots, the members placed again (from the list). */
  private resize(cap: number): void {
    this.keys = new Int32Array(cap);
    this.used = new Int32Array(cap);
    this.mask = cap - 1;
    this.stamp = 1;
    for (let k = 0; k < this.count; k++) {
      const h = this.list[k]!;
      let i = HashSet32.slot(h) & this.mask;
      while (this.used[i] === 1) i = (i + 1) & this.mask;
      this.keys[i] = h;
      this.used[i] = 1;
    }
  }
  private static slot(h: number): number {
    const x = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    return x ^ (x >>> 12);
  }
  add(h: number): void {
    h |= 0;
    const keys = this.keys;
    const used = this.used;
    let i = HashSet32.slot(h) & this.mask;
    for (; used[i] === this.stamp; i = (i + 1) & this.mask) if (keys[i] === h) return;
    if ((this.count + 1) * 2 > this.mask + 1) {
      this.resize((this.mask + 1) * 2);
      this.add(h);
      return;
    }
    keys[i] = h;
    used[i] = this.stamp;
    if (this.count === this.list.length) this.list = grown(this.list, this.list.length * 2);
    this.list[this.count++] = h;
    const b = (h ^ (h >>> 16)) & 0xffff;
    this.bits[b >>> 5]! |= 1 << (b & 31);
  }
  /** Empties the set: a new stamp, and only the filter bits its members had set are cleared. */
  clear(): void {
    for (let k = 0; k < this.count; k++) {
      const h = this.list[k]!;
      const b = (h ^ (h >>> 16)) & 0xffff;
      this.bits[b >>> 5] = 0;
    }
    this.count = 0;
    if (++this.stamp === 0x7fffffff) {
      this.used.fill(0);
      this.stamp = 1;
    }
  }
  /** False when `h` is not in the set (true: maybe): the pre-filter alone. */
  mayHave(h: number): boolean {
    const b = (h ^ (h >>> 16)) & 0xffff;
    return (this.bits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }
  has(h: number): boolean {
    // (the filter test of `mayHave`, written out: calling it here measured ~1 % slower on the entity pass)
    const b = (h ^ (h >>> 16)) & 0xffff;
    if ((this.bits[b >>> 5]! & (1 << (b & 31))) === 0) return false;
    const keys = this.keys;
    const used = this.used;
    for (let i = HashSet32.slot(h) & this.mask; used[i] === this.stamp; i = (i + 1) & this.mask) if (keys[i] === h) return true;
    return false;
  }
  /** A new set with the hashes of all `sets`: a copy of the largest (native copies of its arrays), the others added. */
  static union(...sets: readonly HashSet32[]): HashSet32 {
    const u = new HashSet32();
    let big: HashSet32 | undefined;
    for (const x of sets) if (!big || x.count > big.count) big = x;
    if (!big) return u;
    u.bits.set(big.bits);
    u.keys = big.keys.slice();
    u.used = big.used.slice();
    u.mask = big.mask;
    u.stamp = big.stamp;
    u.list = big.list.slice();
    u.count = big.count;
    for (const x of sets) if (x !== big) for (let k = 0; k < x.count; k++) u.add(x.list[k]!);
    return u;
  }
  get size(): number {
    return this.count;
  }
  /** The members, in the order they were added (a copy). */
  values(): Int32Array {
    return this.list.slice(0, this.count);
  }
}
