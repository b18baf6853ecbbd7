/**
 * Inputs of `annotate` and `eval`, read as streams of records: plain-text files and folders,
 * JSONL (`{"id","text"}` per line) from a file or stdin, and CoNLL/IOB2 token files.
 */
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { readConll } from '../formats/conll.js';
import { parseRecord, rawLine } from './jsonl.js';
import type { SourceItem } from './pipeline.js';
import type { DoneKeys } from './resume.js';

/** A CLI usage problem (exit status 2). */
export class UsageError extends Error {}

/** A file named on the command line whose content is not what the command reads (exit 2, without the usage text). */
export class BadInputError extends UsageError {}

/** Input formats. */
export type InputFormat = 'text' | 'jsonl' | 'conll';

/** One input named on the command line (`-` is stdin). */
export interface InputSpec {
  readonly path: string;
  readonly format: InputFormat;
}

/** Counts input bytes as they are read, for the progress bar. */
export interface ByteCounter {
  bytes: number;
}

/** A plain-text file to annotate, with the root it was found under (for brat file names). */
export interface TextFile {
  readonly path: string;
  /** Path relative to the folder named on the command line, or the base name. */
  readonly rel: string;
  readonly size: number;
  /** The file's device and inode (`dev:ino`), from the stat that listed it. */
  readonly id?: string;
  /** Why a folder could not be read (it then stands for its files: one error record). */
  readonly unreadable?: string;
}

/**
 * Lists `.txt` files under folders (recursive, sorted, dot-files skipped); files are taken as named.
 * A folder reached again through a symbolic link is not read again (no loops); a folder that cannot
 * be read is listed as one unreadable entry, so that the run gives an error record for it and goes on.
 */
export function listTextFiles(path: string): TextFile[] {
  let st;
  try { st = statSync(path); } catch { throw new UsageError(`no such file or directory: ${path}`); }
  if (!st.isDirectory()) return [{ path, rel: path.split(/[\\/]/).pop()!, size: st.size, id: `${st.dev}:${st.ino}` }];
  const out: TextFile[] = [];
  const seen = new Set<string>();
  const walk = (dir: string, rel: string, id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (err) {
      out.push({ path: dir, rel, size: 0, unreadable: (err as Error).message });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      const r = rel ? `${rel}/${name}` : name;
      let s;
      try { s = statSync(p); } catch { continue; }
      if (s.isDirectory()) walk(p, r, `${s.dev}:${s.ino}`);
      else if (s.isFile() && name.toLowerCase().endsWith('.txt')) out.push({ path: p, rel: r, size: s.size, id: `${s.dev}:${s.ino}` });
    }
  };
  walk(path, '', `${st.dev}:${st.ino}`);
  return out;
}

/** Text files as records: id and label are the path. */
export async function* textFileItems(files: readonly TextFile[], counter: ByteCounter, name?: (f: TextFile) => string | null): AsyncGenerator<SourceItem> {
  for (const f of files) {
    if (f.unreadable !== undefined) {
      yield { kind: 'result', result: { ok: false, id: f.path, error: { code: 'E_READ', message: `cannot read folder: ${f.unreadable}` } } };
      continue;
    }
    const file = name ? name(f) : undefined;
    if (file === null) { counter.bytes += f.size; continue; } // skipped (resume)
    let text: string;
    try {
      text = await readFile(f.path, 'utf8');
    } catch (err) {
      yield { kind: 'result', result: { ok: false, id: f.path, error: { code: 'E_READ', message: (err as Error).message } } };
      continue;
    }
    counter.bytes += f.size;
    yield { kind: 'task', task: { id: f.path, label: f.path, text, ...(file ? { file } : {}) } };
  }
}

/** Opens a file or stdin (`-`) and counts the bytes read. */
export function openInput(path: string, counter: ByteCounter): Readable {
  const stream: Readable = path === '-' ? process.stdin : createReadStream(path);
  stream.on('data', (chunk: Buffer | string) => { counter.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length; });
  return stream;
}

/** Lines of a stream; readline pauses the stream while the consumer is busy. */
export function lines(stream: Readable): AsyncIterable<string> {
  return createInterface({ input: stream, crlfDelay: Infinity });
}

/**
 * Lines of a stream as UTF-8 bytes, split at `\n` (a `\r` before it is dropped), without decoding
 * them: the records of a JSONL run are decoded and parsed where they are annotated (a worker), so
 * that the main thread only moves bytes. A line within one chunk is a view of that chunk; a line
 * across chunks is copied once. The stream is read on demand (paused while the consumer is busy).
 */
export async function* byteLines(stream: Readable, counter?: ByteCounter): AsyncGenerator<Uint8Array> {
  const withoutCR = (line: Buffer): Buffer => (line.length && line[line.length - 1] === 13 ? line.subarray(0, line.length - 1) : line);
  let carry: Buffer[] = [];
  let first = true;
  for await (const data of stream as AsyncIterable<Buffer | string>) {
    const chunk = typeof data === 'string' ? Buffer.from(data) : data;
    if (counter) counter.bytes += chunk.length;
    let pos = 0;
    // (a UTF-8 byte-order mark before the first line is not part of it)
    if (first && chunk.length) {
      first = false;
      if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) pos = 3;
    }
    for (let nl = chunk.indexOf(10, pos); nl >= 0; nl = chunk.indexOf(10, pos)) {
      let line = chunk.subarray(pos, nl);
      if (carry.length) { carry.push(line); line = Buffer.concat(carry); carry = []; }
      yield withoutCR(line);
      pos = nl + 1;
    }
    if (pos < chunk.length) carry.push(chunk.subarray(pos));
  }
  if (carry.length) yield withoutCR(Buffer.concat(carry));
}

/**
 * JSONL records, one per line (`byteLines`). A line that is not a record becomes an error result in
 * its place; with `skip` (resume), records already written are left out (see `recordKey`, `DoneKeys`).
 *
 * Without `skip` and `name` (which need each record's id here), the records go out unparsed (`raw`
 * tasks: a line's UTF-8 bytes): they are decoded and parsed by `runTask`, on a worker, with the
 * same error records as here.
 */
export async function* jsonlItems(
  path: string,
  counter: ByteCounter,
  options: { skip?: DoneKeys; name?: (id: unknown, line: number) => string | null } = {},
): AsyncGenerator<SourceItem> {
  let lineNo = 0;
  const stream: Readable = path === '-' ? process.stdin : createReadStream(path);
  if (!options.skip && !options.name) {
    for await (const raw of byteLines(stream, counter)) yield { kind: 'task', task: { line: ++lineNo, raw } };
    return;
  }
  for await (const raw of byteLines(stream, counter)) {
    lineNo++;
    const r = parseRecord(rawLine(raw), lineNo);
    if (options.skip && options.skip.take(recordKey(r.ok ? r.id : r.record.id, lineNo))) continue;
    if (!r.ok) { yield { kind: 'result', result: { ok: false, ...r.record } }; continue; }
    let file: string | null | undefined;
    if (options.name) {
      file = options.name(r.id, lineNo);
      if (file === null) continue;
    }
    yield { kind: 'task', task: { id: r.id, line: lineNo, text: r.text, ...(file ? { file } : {}) } };
  }
}

/** The key a record is known by in `--resume`: its id as JSON, or its line when it has no id. */
export function recordKey(id: unknown, line: number | undefined): string {
  return id === null || id === undefined ? `#line:${line ?? ''}` : JSON.stringify(id);
}

/** CoNLL documents (N sentences each) as records with ids d00000, d00001, … */
export async function* conllItems(
  stream: Readable,
  options: { chunk: number; firstId: number; skip?: DoneKeys; name?: (id: string) => string | null; onDoc?: (n: number) => void },
): AsyncGenerator<SourceItem> {
  let n = options.firstId;
  for await (const doc of readConll(lines(stream), { chunk: options.chunk, firstId: options.firstId })) {
    n++;
    options.onDoc?.(n);
    if (options.skip?.take(recordKey(doc.id, undefined))) continue;
    let file: string | null | undefined;
    if (options.name) {
      file = options.name(doc.id);
      if (file === null) continue;
    }
    yield { kind: 'task', task: { id: doc.id, line: doc.line, conll: { sentences: doc.sentences, docstart: doc.docstart }, ...(file ? { file } : {}) } };
  }
}
