/**
 * `--resume`: the keys of records already in a JSONL output file, so that a rerun on the same
 * input skips them and appends the rest.
 */
import { appendFileSync, closeSync, createReadStream, existsSync, fstatSync, ftruncateSync, openSync, readSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { recordKey } from './sources.js';

/**
 * The keys of the records already written, each with how many times it was written: a rerun
 * skips that many input records of the key, the first ones in input order (the output is in input
 * order), so that records sharing an id are neither skipped all nor done twice.
 */
export class DoneKeys {
  private readonly counts = new Map<string, number>();
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  /** True when a record of this key is already written (and one fewer is left to skip). */
  take(key: string): boolean {
    const n = this.counts.get(key);
    if (!n) return false;
    if (n === 1) this.counts.delete(key);
    else this.counts.set(key, n - 1);
    return true;
  }
}

/**
 * Reads the keys (see `recordKey`) of the records of `file`. A last line cut short by an
 * interrupted run (no newline, not valid JSON) is removed from the file, so that appending
 * starts on a fresh line. A missing file gives an empty set.
 */
export async function readDoneKeys(file: string): Promise<DoneKeys> {
  const keys = new DoneKeys();
  if (!existsSync(file)) return keys;
  repairTail(file);
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let rec: unknown;
    try { rec = JSON.parse(line); } catch { continue; }
    if (rec && typeof rec === 'object' && !Array.isArray(rec)) {
      const r = rec as { id?: unknown; line?: unknown };
      keys.add(recordKey(r.id ?? null, typeof r.line === 'number' ? r.line : undefined));
    }
  }
  return keys;
}

/** Cuts a file back to its last newline when what follows it is not a complete JSON line. */
function repairTail(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    const size = fstatSync(fd).size;
    if (!size) return;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    if (last[0] === 0x0a) return;
    // Find the last newline, reading backwards in blocks.
    const block = Buffer.alloc(64 * 1024);
    let end = size;
    let cut = 0;
    while (end > 0) {
      const start = Math.max(0, end - block.length);
      const n = readSync(fd, block, 0, end - start, start);
      const i = block.subarray(0, n).lastIndexOf(0x0a);
      if (i >= 0) { cut = start + i + 1; break; }
      end = start;
    }
    const tail = Buffer.alloc(size - cut);
    readSync(fd, tail, 0, tail.length, cut);
    let complete = true;
    try { JSON.parse(tail.toString('utf8')); } catch { complete = false; }
    // A complete record that only lacks its newline is kept; a cut one is removed.
    if (complete) appendFileSync(file, '\n');
    else ftruncateSync(fd, cut);
  } finally {
    closeSync(fd);
  }
}
