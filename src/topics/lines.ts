/**
 * Lines repeated verbatim in a text (a headline or photo caption printed again): both topic tasks
 * count them once.
 * @internal
 */

/** The characters `String.prototype.trim` removes (WhiteSpace and LineTerminator). */
function isTrimSpace(c: number): boolean {
  if (c > 0x20 && c < 0xa0) return false;
  return (
    (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Lines (split at `\n`) whose trimmed text, longer than 20 characters, is that of an earlier line:
 * flat `[start, end)` pairs of the whole lines, in order. A line can only repeat an earlier line of
 * its length; once a length has two lines, its lines are chained by a hash of their text and
 * compared character by character only within a chain. (Chained by length alone, as they once were,
 * a long text's distinct lines of one length made a chain that every new line of that length walked:
 * quadratic in the lines. Hashing only lengths seen twice keeps a short article's cost a scan.)
 * @internal
 */
export function repeatedLines(text: string): number[] {
  const out: number[] = [];
  const len = text.length;
  // lines kept (distinct so far): where each starts, its length, the previous line of its hash
  const ls: number[] = [];
  const sizes: number[] = [];
  const prev: number[] = [];
  // length → its only line so far, not hashed yet (-1 once the length's lines are hashed)
  const firstOfSize = new Map<number, number>();
  // hash → last line with that hash
  const byHash = new Map<number, number>();
  const hashOf = (s: number, size: number): number => {
    let h = size;
    for (let i = s; i < s + size; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return h;
  };
  for (let pos = 0; pos <= len; ) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = len;
    let s = pos;
    let e = nl;
    while (s < e && isTrimSpace(text.charCodeAt(s))) s++;
    while (e > s && isTrimSpace(text.charCodeAt(e - 1))) e--;
    const size = e - s;
    if (size > 20) {
      const first = firstOfSize.get(size);
      if (first === undefined) {
        // the first line of its length: no repeat; hashed when a second one comes
        firstOfSize.set(size, ls.length);
        ls.push(s);
        sizes.push(size);
        prev.push(-1);
      } else {
        if (first >= 0) {
          const hf = hashOf(ls[first]!, size);
          prev[first] = byHash.get(hf) ?? -1;
          byHash.set(hf, first);
          firstOfSize.set(size, -1);
        }
        const h = hashOf(s, size);
        const last = byHash.get(h);
        let seen = false;
        for (let l = last ?? -1; l >= 0 && !seen; l = prev[l]!) {
          if (sizes[l] !== size) continue;
          const o = ls[l]!;
          let i = 0;
          while (i < size && text.charCodeAt(o + i) === text.charCodeAt(s + i)) i++;
          seen = i === size;
        }
        if (seen) out.push(pos, nl);
        else {
          ls.push(s);
          sizes.push(size);
          prev.push(last ?? -1);
          byHash.set(h, ls.length - 1);
        }
      }
    }
    pos = nl + 1;
  }
  return out;
}

/** Whether `offset` is in one of the sorted, disjoint `[start, end)` pairs of `ranges` (binary search). @internal */
export function inRanges(ranges: readonly number[], offset: number): boolean {
  let lo = 0;
  let hi = (ranges.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < ranges[2 * mid]!) hi = mid - 1;
    else if (offset >= ranges[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}
