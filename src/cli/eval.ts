/**
 * `aalam eval --gold FILE`: exact-span precision, recall and F1 per type and overall.
 *
 * - CoNLL/IOB2 gold follows score_conll.py: tokens joined with single spaces, `--chunk` sentences
 *   (default 10) per document, a predicted character span mapped to the tokens it touches, gold
 *   spans read as conlleval does (an orphan I- starts a span), only PER/LOC/ORG scored (PERS is
 *   PER; MISC and the like are counted and left out), predictions of other types (NORP) ignored.
 * - JSONL gold (`corpus/*.gold.jsonl`: `{"id","text","mentions":[{start,end,type,en,optional}]}`)
 *   is scored on exact character spans; optional mentions are neither rewarded nor punished, and
 *   the English names of correct mentions are compared (link accuracy).
 *
 * Predictions come from aalam (the worker pool) or from `--pred FILE.jsonl` (`{"id","entities"}`
 * records, e.g. another system's output or a saved `aalam annotate --format jsonl`).
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import {
  TYPE_ALIASES, charSpansToTokens, conllText, documentGoldSpans, readConll,
} from '../formats/conll.js';
import { Scoreboard, compareSpans, score, type Score, type Span } from '../formats/score.js';
import { makeExecutor } from './annotate.js';
import { openOutput } from './output.js';
import { runPipeline, type SourceItem } from './pipeline.js';
import type { EvalEntity, RenderConfig, Result } from './render.js';
import { rawLine } from './jsonl.js';
import { BadInputError, UsageError, byteLines, lines } from './sources.js';

/** Options of `aalam eval`, as parsed from the command line. */
export interface EvalOptions {
  readonly gold: string;
  readonly goldFormat?: 'conll' | 'jsonl' | 'json';
  readonly pred?: string;
  readonly chunk: number;
  readonly errors: boolean;
  readonly json: boolean;
  readonly workers: number;
  readonly timeoutMs: number;
  readonly lexiconFiles: readonly string[];
}

const SCORED = ['PER', 'LOC', 'ORG'] as const;

/** A gold document ready to score. Spans are tokens (CoNLL) or UTF-16 code units (JSONL). */
interface GoldDoc {
  readonly id: string;
  readonly text: string;
  readonly gold: Span[];
  readonly optional: Span[];
  /** Token offsets in `text` (CoNLL); absent for character-span gold. */
  readonly starts?: readonly number[];
  readonly ends?: readonly number[];
  /** English names of gold mentions by span key (JSONL). */
  readonly names?: Map<string, string>;
  readonly tokens: number;
  readonly sentences: number;
}

interface Totals {
  docs: number;
  tokens: number;
  sentences: number;
  ignored: Map<string, number>;
  failed: number;
  missing: number;
  linkOk: number;
  linkN: number;
}

/** English-name word sets, compared as score.py does (one contained in the other). */
function nameWords(s: string | null | undefined): Set<string> {
  const words = (s ?? '').toLowerCase().replace(/-/g, ' ').replace(/[^a-z0-9 ]/g, ' ').split(/\s+/).filter(Boolean);
  return new Set(words.filter((w) => !['of', 'the', 'and', 'al', 'el'].includes(w)));
}
function sameName(gold: string, pred: string | null): boolean {
  const g = nameWords(gold);
  const p = nameWords(pred);
  if (!p.size) return false;
  const sub = (a: Set<string>, b: Set<string>): boolean => [...a].every((w) => b.has(w));
  return sub(g, p) || sub(p, g);
}

async function* conllGold(path: string, chunk: number, totals: Totals): AsyncGenerator<GoldDoc> {
  const stream = path === '-' ? process.stdin : createReadStream(path);
  for await (const doc of readConll(lines(stream), { chunk })) {
    const t = conllText(doc);
    const gold: Span[] = [];
    for (const s of documentGoldSpans(doc)) {
      const type = TYPE_ALIASES[s.type];
      if (type && (SCORED as readonly string[]).includes(type)) gold.push({ ...s, type });
      else totals.ignored.set(s.type, (totals.ignored.get(s.type) ?? 0) + 1);
    }
    yield { id: doc.id, text: t.text, gold, optional: [], starts: t.starts, ends: t.ends, tokens: t.starts.length, sentences: doc.sentences.length };
  }
}

function jsonGoldDoc(value: unknown, where: string, totals: Totals): GoldDoc {
  const d = value as { id?: unknown; text?: unknown; mentions?: unknown };
  if (!d || typeof d !== 'object' || typeof d.text !== 'string' || !Array.isArray(d.mentions)) {
    throw new BadInputError(`${where}: a gold document is {"id", "text", "mentions": [...]}`);
  }
  const gold: Span[] = [];
  const optional: Span[] = [];
  const names = new Map<string, string>();
  const mentions = d.mentions as Array<{ start: number; end: number; type: string; en?: string; optional?: boolean }>;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (!m || typeof m !== 'object' || !Number.isInteger(m.start) || !Number.isInteger(m.end) || !(m.start >= 0 && m.end > m.start && m.end <= d.text.length) || typeof m.type !== 'string') {
      throw new BadInputError(`${where}: mentions[${i}] is not {"start", "end", "type"} with 0 ≤ start < end ≤ the text's length`);
    }
    const type = TYPE_ALIASES[String(m.type).toUpperCase()];
    if (!type || !(SCORED as readonly string[]).includes(type)) { totals.ignored.set(String(m.type), (totals.ignored.get(String(m.type)) ?? 0) + 1); continue; }
    const span = { start: m.start, end: m.end, type };
    if (m.optional) optional.push(span);
    else gold.push(span);
    if (m.en) names.set(`${m.start},${m.end},${type}`, m.en);
  }
  return { id: String(d.id), text: d.text, gold, optional, names, tokens: 0, sentences: 0 };
}

async function* jsonlGold(path: string, totals: Totals): AsyncGenerator<GoldDoc> {
  let n = 0;
  const stream = path === '-' ? process.stdin : createReadStream(path);
  for await (const raw of byteLines(stream)) {
    const line = rawLine(raw);
    n++;
    if (!line.trim()) continue;
    let v: unknown;
    try { v = JSON.parse(line); } catch (err) { throw new BadInputError(`${path}:${n}: invalid JSON: ${(err as Error).message}`); }
    yield jsonGoldDoc(v, `${path}:${n}`, totals);
  }
}

async function* jsonArrayGold(path: string, totals: Totals): AsyncGenerator<GoldDoc> {
  let v: unknown;
  // (a file that cannot be read is a system error, reported as such; - is standard input)
  const source = readFileSync(path === '-' ? 0 : path, 'utf8');
  try { v = JSON.parse(source); } catch (err) { throw new BadInputError(`${path}: invalid JSON: ${(err as Error).message}`); }
  if (!Array.isArray(v)) throw new BadInputError(`${path}: expected a JSON array of documents`);
  for (let i = 0; i < v.length; i++) yield jsonGoldDoc(v[i], `${path}[${i}]`, totals);
}

/** Predictions of a doc, in the gold's units and types, as a set. */
function predSpans(doc: GoldDoc, entities: readonly EvalEntity[]): Span[] {
  const typed = entities
    .map((e) => ({ start: e.start, end: e.end, type: TYPE_ALIASES[String(e.type).toUpperCase()] ?? '' }))
    .filter((e) => (SCORED as readonly string[]).includes(e.type));
  return doc.starts ? charSpansToTokens(typed, { starts: doc.starts, ends: doc.ends! }) : typed;
}

/** Character bounds of a span of the doc. */
function charBounds(doc: GoldDoc, s: Span): [number, number] {
  return doc.starts ? [doc.starts[s.start]!, doc.ends![s.end - 1]!] : [s.start, s.end];
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ');

function context(doc: GoldDoc, s: Span, width = 40): string {
  const [a, b] = charBounds(doc, s);
  const left = doc.text.slice(Math.max(0, a - width), a);
  const right = doc.text.slice(b, b + width);
  return `${a > width ? '…' : ''}${oneLine(left)}[[${oneLine(doc.text.slice(a, b))}]]${oneLine(right)}${b + width < doc.text.length ? '…' : ''}`;
}

interface ErrorLine {
  readonly kind: 'FP' | 'FN' | 'LINK';
  readonly type: string;
  readonly doc: string;
  readonly text: string;
  readonly note: string;
  readonly context: string;
}

function explain(doc: GoldDoc, kind: 'FP' | 'FN', s: Span, others: readonly Span[]): string {
  const same = others.filter((o) => o.start === s.start && o.end === s.end);
  const label = kind === 'FP' ? 'gold' : 'predicted';
  if (same.length) return `${label} ${same.map((o) => o.type).join('/')}`;
  const over = others.filter((o) => o.start < s.end && s.start < o.end);
  if (over.length) return `overlaps ${label} ` + over.map((o) => { const [a, b] = charBounds(doc, o); return `${o.type} «${oneLine(doc.text.slice(a, b))}»`; }).join(', ');
  return kind === 'FP' ? 'not in gold' : 'not found';
}

const pct = (x: number): string => (100 * x).toFixed(2).padStart(6) + '%';

/**
 * Runs `aalam eval`: prints the error listing (`--errors`) and the report on stdout; resolves to
 * the exit status (1 when some documents could not be annotated).
 */
export async function evalCommand(opts: EvalOptions): Promise<number> {
  if (opts.gold !== '-' && !existsSync(opts.gold)) throw new UsageError(`no such file: ${opts.gold}`);
  if (opts.pred && !existsSync(opts.pred)) throw new UsageError(`no such file: ${opts.pred}`);
  const goldFormat = opts.goldFormat ?? (/\.jsonl$/i.test(opts.gold) ? 'jsonl' : /\.json$/i.test(opts.gold) ? 'json' : 'conll');
  const totals: Totals = { docs: 0, tokens: 0, sentences: 0, ignored: new Map(), failed: 0, missing: 0, linkOk: 0, linkN: 0 };
  const golds = goldFormat === 'conll' ? conllGold(opts.gold, opts.chunk, totals)
    : goldFormat === 'jsonl' ? jsonlGold(opts.gold, totals) : jsonArrayGold(opts.gold, totals);
  const board = new Scoreboard(SCORED);
  const errors: ErrorLine[] = [];
  const out = openOutput();
  const t0 = Date.now();

  const scoreDoc = async (doc: GoldDoc, entities: readonly EvalEntity[]): Promise<void> => {
    totals.docs++;
    totals.tokens += doc.tokens;
    totals.sentences += doc.sentences;
    const pred = predSpans(doc, entities);
    const cmp = compareSpans(doc.gold, pred, doc.optional);
    board.add(cmp);
    const lines: Array<ErrorLine & { at: number }> = [];
    const at = (s: Span): number => charBounds(doc, s)[0];
    if (doc.names) {
      for (const s of cmp.tp) {
        const gold = doc.names.get(`${s.start},${s.end},${s.type}`);
        if (!gold) continue;
        const e = entities.find((x) => x.start === s.start && x.end === s.end && TYPE_ALIASES[String(x.type).toUpperCase()] === s.type);
        totals.linkN++;
        if (sameName(gold, e?.en ?? null)) totals.linkOk++;
        else if (opts.errors) lines.push({ kind: 'LINK', type: s.type, doc: doc.id, text: doc.text.slice(s.start, s.end), note: `gold ${gold}, got ${e?.en ?? e?.id ?? 'no link'}`, context: context(doc, s), at: at(s) });
      }
    }
    if (opts.errors) {
      const surface = (s: Span): string => { const [a, b] = charBounds(doc, s); return oneLine(doc.text.slice(a, b)); };
      for (const s of cmp.fp) lines.push({ kind: 'FP', type: s.type, doc: doc.id, text: surface(s), note: explain(doc, 'FP', s, [...doc.gold, ...doc.optional.map((o) => ({ ...o, type: `optional ${o.type}` }))]), context: context(doc, s), at: at(s) });
      for (const s of cmp.fn) lines.push({ kind: 'FN', type: s.type, doc: doc.id, text: surface(s), note: explain(doc, 'FN', s, pred), context: context(doc, s), at: at(s) });
      lines.sort((a, b) => a.at - b.at);
      if (opts.json) errors.push(...lines.map(({ at: _at, ...l }) => l));
      else {
        for (const l of lines) await out.write(`${l.kind.padEnd(4)} ${l.type.padEnd(3)} ${l.doc}  «${l.text}»  (${l.note})  ${l.context}\n`);
        await out.flush(); // a document's error lines go out with it, not at the end of the run
      }
    }
  };

  let workersUsed = 0;
  if (opts.pred) {
    const preds = new Map<string, EvalEntity[]>();
    let n = 0;
    for await (const raw of byteLines(createReadStream(opts.pred))) {
      const line = rawLine(raw);
      n++;
      if (!line.trim()) continue;
      let rec: { id?: unknown; entities?: unknown };
      try { rec = JSON.parse(line); } catch (err) { throw new BadInputError(`${opts.pred}:${n}: invalid JSON: ${(err as Error).message}`); }
      if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new BadInputError(`${opts.pred}:${n}: a prediction is {"id", "entities": [...]}`);
      if (!Array.isArray(rec.entities)) continue;
      const bad = (rec.entities as unknown[]).findIndex((e) => {
        const x = e as EvalEntity | null;
        return !x || typeof x !== 'object' || typeof x.start !== 'number' || typeof x.end !== 'number' || typeof x.type !== 'string';
      });
      if (bad >= 0) throw new BadInputError(`${opts.pred}:${n}: entities[${bad}] is not {"start", "end", "type", …}`);
      preds.set(String(rec.id), rec.entities as EvalEntity[]);
    }
    for await (const doc of golds) {
      const p = preds.get(doc.id);
      if (!p) totals.missing++;
      await scoreDoc(doc, (p ?? []).map((e) => ({ start: e.start, end: e.end, type: e.type, id: e.id ?? null, en: (e as { name?: { en?: string } }).name?.en ?? null })));
    }
  } else {
    const cfg: RenderConfig = { format: 'eval', tagset: 'conll', keepTags: false, lexiconFiles: opts.lexiconFiles };
    const queue: GoldDoc[] = [];
    let qh = 0;
    async function* source(): AsyncGenerator<SourceItem> {
      for await (const doc of golds) {
        queue.push(doc);
        yield { kind: 'task', task: { id: doc.id, text: doc.text } };
      }
    }
    const sink = async (r: Result): Promise<void> => {
      const doc = queue[qh]!;
      queue[qh++] = undefined as unknown as GoldDoc;
      if (qh > 4096) { queue.splice(0, qh); qh = 0; }
      if (!r.ok) {
        totals.failed++;
        process.stderr.write(`aalam: ${doc.id}: ${r.error.code}: ${r.error.message}\n`);
      }
      await scoreDoc(doc, r.ok ? r.eval ?? [] : []);
    };
    workersUsed = opts.workers;
    await runPipeline(source(), makeExecutor(cfg, opts.workers, opts.timeoutMs), sink, Math.max(256, opts.workers * 128));
  }
  const secs = (Date.now() - t0) / 1000;
  const report = board.report();
  const types: Record<string, Score> = {};
  for (const t of SCORED) types[t] = report.types[t] ?? score({ tp: 0, fp: 0, fn: 0 });
  const ignored = Object.fromEntries([...totals.ignored].sort());

  if (opts.json) {
    await out.write(JSON.stringify({
      gold: opts.gold, format: goldFormat, ...(goldFormat === 'conll' ? { chunk: opts.chunk, sentences: totals.sentences, tokens: totals.tokens } : {}),
      documents: totals.docs, predictions: opts.pred ?? 'aalam', types, overall: report.overall, notScored: ignored,
      ...(totals.linkN ? { link: { correct: totals.linkOk, of: totals.linkN, accuracy: totals.linkOk / totals.linkN } } : {}),
      ...(opts.errors ? { errors } : {}), failed: totals.failed, missing: totals.missing, seconds: secs,
    }, null, 2) + '\n');
  } else {
    let s = opts.errors ? '\n' : '';
    s += `gold: ${opts.gold} (${goldFormat}${goldFormat === 'conll' ? `, ${totals.sentences} sentences, ${totals.tokens} tokens, ${opts.chunk} sentences per document` : ''}), ${totals.docs} documents\n`;
    s += `predictions: ${opts.pred ?? `aalam${workersUsed ? `, ${workersUsed} worker${workersUsed === 1 ? '' : 's'}` : ''}`}, ${secs.toFixed(1)} s\n`;
    if (totals.ignored.size) s += `not scored (gold types other than PER/LOC/ORG): ${Object.entries(ignored).map(([k, v]) => `${k} ${v}`).join(', ')}\n`;
    if (totals.failed) s += `documents that failed to annotate (scored as empty): ${totals.failed}\n`;
    if (totals.missing) s += `documents with no prediction record: ${totals.missing}\n`;
    s += '\ntype       gold    pred      tp      fp      fn  precision   recall       F1\n';
    const row = (name: string, x: Score): string =>
      `${name.padEnd(7)} ${String(x.tp + x.fn).padStart(7)} ${String(x.tp + x.fp).padStart(7)} ${String(x.tp).padStart(7)} ${String(x.fp).padStart(7)} ${String(x.fn).padStart(7)}    ${pct(x.precision)}  ${pct(x.recall)}  ${pct(x.f1)}\n`;
    for (const t of SCORED) s += row(t, types[t]!);
    s += row('overall', report.overall);
    if (totals.linkN) s += `link: ${totals.linkOk}/${totals.linkN} correct mentions have the gold English name (${(100 * totals.linkOk / totals.linkN).toFixed(1)}%)\n`;
    const o = report.overall;
    s += `F1=${o.f1.toFixed(3)} P=${o.precision.toFixed(3)} R=${o.recall.toFixed(3)} ${SCORED.map((t) => `${t}=${types[t]!.f1.toFixed(3)}`).join(' ')} docs=${totals.docs}\n`;
    await out.write(s);
  }
  await out.end();
  return totals.failed ? 1 : 0;
}
