/**
 * `aalam annotate`: inputs (text files and folders, JSONL, CoNLL) → outputs (readable listing,
 * JSONL, CoNLL, brat, HTML), streamed through the worker pool in input order.
 */
import { existsSync, fstatSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bratConfig } from '../formats/brat.js';
import type { Tagset } from '../formats/conll.js';
import { htmlHead, htmlTail } from '../formats/html.js';
import { openOutput, type Output } from './output.js';
import { runPipeline, type SourceItem } from './pipeline.js';
import { InlinePool, WorkerPool, type Executor, type PoolHandlers } from './pool.js';
import { createProgress } from './progress.js';
import type { RenderConfig, Result } from './render.js';
import { readDoneKeys } from './resume.js';
import {
  UsageError, conllItems, jsonlItems, listTextFiles, openInput, recordKey, textFileItems,
  type ByteCounter, type InputFormat, type InputSpec, type TextFile,
} from './sources.js';

export type OutputFormat = 'jsonl' | 'text' | 'conll' | 'brat' | 'html';

/** Options of `aalam annotate`, as parsed from the command line (see the usage text). */
export interface AnnotateOptions {
  readonly inputs: readonly InputSpec[];
  /** Output format; by default `text` for text files, `conll` for CoNLL, `jsonl` otherwise. */
  readonly format?: OutputFormat;
  readonly output?: string;
  readonly outDir?: string;
  readonly tagset: Tagset;
  readonly keepTags: boolean;
  readonly chunk: number;
  readonly workers: number;
  readonly resume: boolean;
  readonly quiet: boolean;
  readonly timeoutMs: number;
  readonly lexiconFiles: readonly string[];
}

/** Input format of a path from its extension: `.jsonl`/`.ndjson` → jsonl, `.conll`/`.iob`/`.bio` → conll, else text. */
export function formatOfPath(path: string, fallback: InputFormat): InputFormat {
  const p = path.toLowerCase();
  if (/\.(jsonl|ndjson)$/.test(p)) return 'jsonl';
  if (/\.(conll|conllu|iob|iob2|bio)$/.test(p)) return 'conll';
  return fallback;
}

/** The executor for `workers` (0: the main thread). */
export function makeExecutor(cfg: RenderConfig, workers: number, timeoutMs: number): (h: PoolHandlers) => Executor {
  return (h) => (workers === 0 ? new InlinePool(cfg, h) : new WorkerPool(cfg, { size: workers, timeoutMs }, h));
}

/** A safe file name from a record id. */
function safeName(s: string): string {
  const n = s.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '_').replace(/^[._]+/, '').slice(0, 120);
  return n || 'doc';
}

/** Sum of input sizes when every input is a regular file (stdin redirected from a file counts). */
function totalBytes(inputs: readonly InputSpec[], textFiles: Map<string, TextFile[]>): number | null {
  let total = 0;
  for (const inp of inputs) {
    if (inp.format === 'text') { for (const f of textFiles.get(inp.path) ?? []) total += f.size; continue; }
    try {
      const st = inp.path === '-' ? fstatSync(0) : statSync(inp.path);
      if (!st.isFile()) return null;
      total += st.size;
    } catch { return null; }
  }
  return total;
}

/**
 * Runs `aalam annotate`; resolves to the exit status (0 all ok, 1 some records failed).
 * @throws {UsageError} for options that do not fit together or missing inputs.
 */
export async function annotateCommand(opts: AnnotateOptions): Promise<number> {
  const inputs = opts.inputs;
  if (inputs.filter((i) => i.path === '-').length > 1) throw new UsageError('stdin (-) can be read only once');
  const format: OutputFormat = opts.format
    ?? (inputs.every((i) => i.format === 'text') ? 'text' : inputs.every((i) => i.format === 'conll') ? 'conll' : 'jsonl');
  if (format === 'brat' && !opts.outDir) throw new UsageError('--format brat writes .txt/.ann pairs: give --out DIR');
  if (format !== 'brat' && opts.outDir) throw new UsageError('--out DIR is for --format brat; use --output FILE');
  if (format === 'brat' && opts.output) throw new UsageError('--format brat writes into --out DIR, not --output');
  if (opts.keepTags && !(format === 'conll' && inputs.every((i) => i.format === 'conll'))) {
    throw new UsageError('--keep-tags needs CoNLL input and --format conll');
  }
  if (opts.resume && !((format === 'jsonl' && opts.output && opts.output !== '-') || format === 'brat')) {
    throw new UsageError('--resume needs --format jsonl with --output FILE (or --format brat with --out DIR)');
  }
  const textFiles = new Map<string, TextFile[]>();
  for (const inp of inputs) {
    if (inp.format === 'text') textFiles.set(inp.path, listTextFiles(inp.path));
    else if (inp.path !== '-' && !existsSync(inp.path)) throw new UsageError(`no such file: ${inp.path}`);
    else if (inp.path !== '-' && statSync(inp.path).isDirectory()) throw new UsageError(`${inp.path} is a folder; only plain-text input reads folders`);
  }

  if (opts.output && opts.output !== '-' && existsSync(opts.output)) {
    // (writing the output would empty an input before it is read)
    const o = statSync(opts.output);
    const out = `${o.dev}:${o.ino}`;
    const same = (p: string): boolean => {
      if (p === '-' || !existsSync(p)) return false;
      const s = statSync(p);
      return `${s.dev}:${s.ino}` === out;
    };
    // (text files by the identity their listing's stat gave: no second stat per file)
    const clash = inputs.find((i) => i.format !== 'text' && same(i.path)) ?? [...textFiles.values()].flat().find((f) => f.id === out);
    if (clash) throw new UsageError(`--output ${opts.output} is an input (${clash.path}); write somewhere else`);
  }
  const skip = opts.resume && format === 'jsonl' ? await readDoneKeys(opts.output!) : undefined;
  const cfg: RenderConfig = { format, tagset: opts.tagset, keepTags: opts.keepTags, lexiconFiles: opts.lexiconFiles };

  // brat file names: one per document, unique, mirroring folders for text files.
  const usedNames = new Set<string>();
  const bratName = (base: string): string | null => {
    let name = base;
    for (let k = 2; usedNames.has(name.toLowerCase()); k++) name = `${base}~${k}`;
    usedNames.add(name.toLowerCase());
    const file = join(opts.outDir!, name);
    return opts.resume && existsSync(file + '.ann') && existsSync(file + '.txt') ? null : file;
  };
  if (format === 'brat') {
    mkdirSync(opts.outDir!, { recursive: true });
    const conf = bratConfig();
    if (!existsSync(join(opts.outDir!, 'annotation.conf'))) writeFileSync(join(opts.outDir!, 'annotation.conf'), conf.annotation);
    if (!existsSync(join(opts.outDir!, 'visual.conf'))) writeFileSync(join(opts.outDir!, 'visual.conf'), conf.visual);
  }

  const counter: ByteCounter = { bytes: 0 };
  let conllDocs = 0;
  async function* source(): AsyncGenerator<SourceItem> {
    for (const inp of inputs) {
      if (inp.format === 'text') {
        const files = (textFiles.get(inp.path) ?? []).filter((f) => !skip?.take(recordKey(f.path, undefined)));
        yield* textFileItems(files, counter, format === 'brat' ? (f) => bratName(safePath(f.rel)) : undefined);
      } else if (inp.format === 'jsonl') {
        yield* jsonlItems(inp.path, counter, {
          ...(skip ? { skip } : {}),
          ...(format === 'brat' ? { name: (id: unknown, line: number) => bratName(id === null || id === undefined ? `line-${line}` : safeName(String(id))) } : {}),
        });
      } else {
        yield* conllItems(openInput(inp.path, counter), {
          chunk: opts.chunk,
          firstId: conllDocs,
          onDoc: (n) => { conllDocs = n; },
          ...(skip ? { skip } : {}),
          ...(format === 'brat' ? { name: (id: string) => bratName(id) } : {}),
        });
      }
    }
  }

  const out: Output | null = format === 'brat' ? null : openOutput(opts.output, opts.resume);
  // (no bar over a listing written to the same terminal)
  const toTerminal = format !== 'brat' && (!opts.output || opts.output === '-') && process.stdout.isTTY === true;
  const progress = await createProgress(totalBytes(inputs, textFiles), { quiet: opts.quiet || toTerminal });
  let docs = 0;
  let entities = 0;
  let written = 0;
  const reportError = (r: Extract<Result, { ok: false }>): string => {
    const where = r.id !== null && r.id !== undefined ? String(r.id) : `line ${r.line}`;
    return `aalam: ${where}${r.id !== null && r.id !== undefined && r.line ? ` (line ${r.line})` : ''}: ${r.error.code}: ${r.error.message}\n`;
  };
  // Writes are gathered by the output and go out when the pipeline runs out of ready results.
  const sink = Object.assign((r: Result): Promise<void> | void => {
    docs++;
    progress?.update(docs, counter.bytes);
    if (r.ok) {
      entities += r.entities;
      written++;
      return out?.write(r.out);
    } else if (format === 'jsonl') {
      return out!.write(JSON.stringify(r.line === undefined ? { id: r.id, error: r.error } : { id: r.id, line: r.line, error: r.error }) + '\n');
    } else {
      if (progress) progress.log(reportError(r));
      else process.stderr.write(reportError(r));
    }
  }, { flush: () => out?.flush() });

  if (format === 'html' && out) await out.write(htmlHead({ title: (inputs.map((i) => (i.path === '-' ? 'stdin' : i.path)).join(', ') || 'stdin') + ' · aalam' }));
  let stats;
  try {
    const workers = opts.workers;
    const window = Math.max(256, workers * 128);
    stats = await runPipeline(source(), makeExecutor(cfg, workers, opts.timeoutMs), sink, window);
    if (format === 'html' && out) await out.write(htmlTail(written, entities));
    if (out) await out.end();
  } finally {
    progress?.update(docs, counter.bytes, true);
    progress?.stop();
  }
  if (format === 'brat') process.stderr.write(`aalam: wrote ${written} document${written === 1 ? '' : 's'} (.txt + .ann) to ${opts.outDir}\n`);
  return stats.failed ? 1 : 0;
}

/** A relative path of a text file, made safe, without its `.txt`. */
function safePath(rel: string): string {
  return rel.replace(/\.txt$/i, '').split('/').map(safeName).join('/');
}
