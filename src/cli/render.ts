/**
 * One document in, one rendered output out: the work a worker thread (or the main thread with
 * `--workers 0`) does for each input record. Never throws: a failure is an error result.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AnnotateOptions, Annotator } from '../annotator.js';
import { conllText, renderConllDocument, renderConllText, type ConllSentence, type Tagset } from '../formats/conll.js';
import { renderBratAnn } from '../formats/brat.js';
import { renderHtmlDocument } from '../formats/html.js';
import { renderTextListing } from '../formats/text.js';
import { parseRecord, rawLine } from './jsonl.js';

/** Output formats of `annotate`, plus `eval` (entities handed back to the scorer) and `json` (`serve`: the annotation alone). */
export type RenderFormat = 'jsonl' | 'text' | 'conll' | 'brat' | 'html' | 'eval' | 'json';

/** How every document of a run is rendered; fixed for the run (it is a worker's `workerData`). */
export interface RenderConfig {
  readonly format: RenderFormat;
  readonly tagset: Tagset;
  readonly keepTags: boolean;
  readonly lexiconFiles: readonly string[];
}

/** A document to annotate. Exactly one of `text`, `conll` and `raw` is set. */
export interface Task {
  /** Position in the input (0-based, counting every record); output order follows it. */
  readonly seq: number;
  /** The record's id (not known before parsing for a `raw` task: see `taskId`). */
  readonly id?: unknown;
  /** 1-based input line, for JSONL and CoNLL inputs. */
  readonly line?: number;
  readonly text?: string;
  readonly conll?: { readonly sentences: readonly ConllSentence[]; readonly docstart: boolean };
  /** A JSONL line's UTF-8 bytes, decoded and parsed by `runTask` (where it runs: a worker). */
  readonly raw?: Uint8Array;
  /** Label of the readable listing (the file path for file inputs). */
  readonly label?: string;
  /** brat: output path without extension (`.txt` and `.ann` are written). */
  readonly file?: string;
  /** Options of this document's `annotate` call (`serve`). */
  readonly options?: AnnotateOptions;
  /** Set by the pool when the task was in flight in a worker that crashed. @internal */
  suspect?: boolean;
}

/** How much text a task carries (UTF-16 code units; CoNLL tokens count 8 each), to bound memory and size batches. */
export function taskChars(task: Omit<Task, 'seq'>): number {
  if (task.text !== undefined) return task.text.length;
  if (task.raw !== undefined) return task.raw.length;
  return task.conll ? task.conll.sentences.reduce((n, x) => n + x.tokens.length * 8, 0) : 0;
}

/** The few entity fields `eval` needs. */
export interface EvalEntity {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly id: string | null;
  readonly en: string | null;
}

/** The `error` member of an error record. */
export interface ErrorInfo {
  readonly code: string;
  readonly message: string;
}

/** The outcome of one record, in input order. */
export type Result =
  | {
    readonly seq: number;
    readonly ok: true;
    /** The rendered output: a string, or its UTF-8 bytes when it comes from a worker. */
    readonly out: string | Uint8Array;
    readonly entities: number;
    readonly eval?: readonly EvalEntity[];
  }
  | { readonly seq: number; readonly ok: false; readonly id: unknown; readonly line?: number; readonly error: ErrorInfo };

/** An error result for a record. */
export function errorResult(seq: number, id: unknown, line: number | undefined, code: string, message: string): Result {
  return line === undefined ? { seq, ok: false, id, error: { code, message } } : { seq, ok: false, id, line, error: { code, message } };
}

/** A task as it travels to a worker: a `raw` line as `[offset, length]` into the batch's bytes. */
export type WireTask = Omit<Task, 'raw'> & { readonly rawAt?: readonly [number, number] };

/**
 * A batch for one message: the `raw` lines copied into one buffer, which is transferred (a view
 * would be cloned with the whole chunk it was cut from, once per message).
 */
export function packTasks(tasks: readonly Task[]): { tasks: WireTask[]; bytes: ArrayBuffer | null } {
  let size = 0;
  for (const t of tasks) if (t.raw) size += t.raw.length;
  if (size === 0 && !tasks.some((t) => t.raw)) return { tasks: tasks as Task[], bytes: null };
  const bytes = new Uint8Array(size);
  let at = 0;
  const wire = tasks.map((t): WireTask => {
    if (t.raw === undefined) return t;
    const { raw, ...rest } = t;
    bytes.set(raw, at);
    at += raw.length;
    return { ...rest, rawAt: [at - raw.length, raw.length] };
  });
  return { tasks: wire, bytes: bytes.buffer };
}

/** The tasks of a packed batch, with views of its bytes. */
export function unpackTasks(tasks: readonly WireTask[], bytes: ArrayBuffer | null): Task[] {
  return tasks.map((t): Task => {
    if (!t.rawAt) return t;
    const { rawAt, ...rest } = t;
    return { ...rest, raw: new Uint8Array(bytes!, rawAt[0], rawAt[1]) };
  });
}


/** The id of a task's record (a `raw` task's line is parsed for it: only for error results). */
export function taskId(task: Task): unknown {
  if (task.raw === undefined) return task.id;
  const r = parseRecord(rawLine(task.raw), task.line ?? 0);
  return r.ok ? r.id : r.record.id;
}

/** Annotates and renders one task; a `raw` task is parsed first (a bad line gives its error record). */
export function runTask(annotator: Annotator, cfg: RenderConfig, task: Task): Result {
  if (task.raw !== undefined) {
    const r = parseRecord(rawLine(task.raw), task.line ?? 0);
    if (!r.ok) return errorResult(task.seq, r.record.id, r.record.line, r.record.error.code, r.record.error.message);
    task = { seq: task.seq, id: r.id, text: r.text, ...(task.line === undefined ? {} : { line: task.line }) };
  }
  try {
    const text = task.conll ? conllText(task.conll).text : task.text!;
    const result = annotator.annotate(text, task.options);
    const n = result.entities.length;
    switch (cfg.format) {
      case 'json':
        return { seq: task.seq, ok: true, entities: n, out: JSON.stringify(result) };
      case 'jsonl':
        // (a record without an id is known by its line, as its error record would be: --resume finds it so)
        return {
          seq: task.seq, ok: true, entities: n,
          out: JSON.stringify(task.conll ? { id: task.id, text, ...result } : task.id === null || task.id === undefined ? { id: null, line: task.line, ...result } : { id: task.id, ...result }) + '\n',
        };
      case 'text':
        return { seq: task.seq, ok: true, entities: n, out: renderTextListing(task.label ?? String(task.id), result) };
      case 'conll':
        return {
          seq: task.seq, ok: true, entities: n,
          out: task.conll ? renderConllDocument(task.conll, result.entities, cfg) : renderConllText(text, result.entities, cfg),
        };
      case 'html':
        return { seq: task.seq, ok: true, entities: n, out: renderHtmlDocument(task.id, text, result, task.seq) };
      case 'brat': {
        const file = task.file!;
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file + '.txt', text);
        writeFileSync(file + '.ann', renderBratAnn(text, result.entities));
        return { seq: task.seq, ok: true, entities: n, out: '' };
      }
      case 'eval':
        return {
          seq: task.seq, ok: true, entities: n, out: '',
          eval: result.entities.map((e) => ({ start: e.start, end: e.end, type: e.type, id: e.id, en: e.name ? e.name.en : null })),
        };
    }
  } catch (err) {
    const e = err as Error & { code?: string };
    const code = typeof e.code === 'string' && e.code.startsWith('E_') ? e.code : cfg.format === 'brat' && e.code ? 'E_WRITE' : 'E_INTERNAL';
    return errorResult(task.seq, task.id, task.line, code, e.message ?? String(err));
  }
}
