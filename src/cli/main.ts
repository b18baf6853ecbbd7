import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { readFileSync } from '../builtins.js';
import type { Tagset } from '../formats/conll.js';
import { annotateCommand, formatOfPath, type OutputFormat } from './annotate.js';
import { evalCommand } from './eval.js';
import { BrokenPipe } from './output.js';
import { BadInputError, UsageError, type InputFormat, type InputSpec } from './sources.js';
import { AalamError } from '../errors.js';

const USAGE = `usage: aalam <command> [options]

commands:
  annotate [FILE|DIR ...]   annotate plain-text files and folders (recursive, *.txt), or JSON lines
                            {"id","text"} from stdin or --input, or CoNLL/IOB2 token files
      --input FILE          a JSONL file (or CoNLL with --input-format conll); - is stdin
      --input-format F      text | jsonl | conll (default: from the extension; text for folders
                            and files, jsonl for --input and stdin)
      --format F            text | jsonl | conll | brat | html (default: text for text files,
                            conll for CoNLL input, jsonl otherwise)
      --output FILE         write there instead of stdout
      --out DIR             brat: write X.txt + X.ann pairs (and annotation.conf) into DIR
      --tagset T            conll output tags: conll (B-PER) | anercorp (B-PERS); demonyms are O
      --chunk N             CoNLL input: sentences per document (default 10)
      --keep-tags           CoNLL in and out: write TOKEN GOLD PRED (what conlleval reads)
      --workers N           worker threads (default: ${availableParallelism()}, the cores; 0: main thread)
      --resume              with --format jsonl --output FILE: skip ids already in FILE, append
                            (with --format brat: skip documents whose .ann exists)
      --timeout S           seconds a worker may spend on a document before it is restarted (120)
      --quiet               no progress bar (it is shown only when stderr is a terminal)
      --lexicon FILE        an extra JSONL lexicon (repeatable)
  eval --gold FILE          exact-span precision, recall and F1 per type against CoNLL/IOB2 gold
                            or JSONL gold ({"id","text","mentions":[{start,end,type,en,optional}]})
      --gold-format F       conll | jsonl | json (default: from the extension, else conll)
      --pred FILE           score these predictions ({"id","entities"} lines) instead of running aalam
      --chunk N             CoNLL gold: sentences per document (default 10, as score_conll.py)
      --errors              list false positives (FP), misses (FN) and wrong links with context
      --format F            text | json (default text)
      --workers N, --timeout S, --lexicon FILE   as for annotate
  serve                     HTTP: POST /annotate {"text","options"?} → annotation JSON; GET /health
      --host H, --port P    where to listen (default 127.0.0.1:8080; port 0 picks a free one)
      --max-bytes N         largest request body (default 2000000)
      --max-pending N       bytes held for clients at once (bodies being read, answers not yet
                            read); a request over it gets 503 E_BUSY (default 256000000)
      --workers N           worker threads that annotate (default: the cores; 0: main thread)
      --timeout S           a text still not annotated after S seconds (twice: once alone) gets
                            503 E_TIMEOUT and its worker is restarted (default 30)
  lexicon stats             counts of the compiled lexicons
  lexicon check             schema and consistency checks of lexicons/ (exit 1 on errors)

exit status: 0 ok; 1 some records failed (each has an error record in the output); 2 usage error,
or a file that cannot be read or written.`;

function intOption(v: string | undefined, name: string, def: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (v === undefined) return def;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new UsageError(`--${name} must be an integer ${max < Number.MAX_SAFE_INTEGER ? `in [${min}, ${max}]` : `≥ ${min}`}, got ${v}`);
  }
  return Number(v);
}

function oneOf<T extends string>(v: string | undefined, name: string, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`unknown --${name} ${v} (one of: ${allowed.join(', ')})`);
  return v as T;
}

async function write(s: string): Promise<void> {
  await new Promise<void>((resolve) => { if (process.stdout.write(s)) resolve(); else process.stdout.once('drain', resolve); });
}

/** The CLI: parses `argv` (without `node` and the script) and resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        input: { type: 'string' },
        'input-format': { type: 'string' },
        output: { type: 'string', short: 'o' },
        out: { type: 'string' },
        tagset: { type: 'string' },
        chunk: { type: 'string' },
        'keep-tags': { type: 'boolean' },
        workers: { type: 'string', short: 'j' },
        resume: { type: 'boolean' },
        timeout: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        lexicon: { type: 'string', multiple: true },
        gold: { type: 'string' },
        'gold-format': { type: 'string' },
        pred: { type: 'string' },
        errors: { type: 'boolean' },
        host: { type: 'string' },
        port: { type: 'string' },
        'max-bytes': { type: 'string' },
        'max-pending': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (err) {
    process.stderr.write(`aalam: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  if (v.help) { process.stdout.write(USAGE + '\n'); return 0; }
  if (v.version) {
    // (dist/cli/main.js and dist/bundle/main.js are both two folders below the package)
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    process.stdout.write(`aalam ${pkg.version}\n`);
    return 0;
  }
  const [cmd, ...rest] = positionals;
  try {
    const workers = intOption(v.workers, 'workers', availableParallelism(), 0);
    const chunk = intOption(v.chunk, 'chunk', 10, 1);
    let timeoutMs = 120_000;
    if (v.timeout !== undefined) {
      const t = Number(v.timeout);
      if (!(t > 0)) throw new UsageError(`--timeout must be a number of seconds > 0, got ${v.timeout}`);
      timeoutMs = Math.max(1, Math.round(t * 1000));
    }
    const lexiconFiles = v.lexicon ?? [];
    if (cmd === 'annotate') {
      const forced = oneOf<InputFormat>(v['input-format'], 'input-format', ['text', 'jsonl', 'conll']);
      const inputs: InputSpec[] = rest.map((p) => ({ path: p, format: forced ?? (p === '-' ? 'jsonl' : formatOfPath(p, 'text')) }));
      if (v.input !== undefined) inputs.push({ path: v.input, format: forced ?? formatOfPath(v.input, 'jsonl') });
      if (!inputs.length) inputs.push({ path: '-', format: forced === 'conll' ? 'conll' : 'jsonl' });
      if (forced === 'text' && inputs.some((i) => i.path === '-')) throw new UsageError('plain text from stdin is not supported: give files, or JSONL');
      const format = oneOf<OutputFormat>(v.format, 'format', ['text', 'jsonl', 'conll', 'brat', 'html']);
      return await annotateCommand({
        inputs,
        ...(format ? { format } : {}),
        ...(v.output !== undefined ? { output: v.output } : {}),
        ...(v.out !== undefined ? { outDir: v.out } : {}),
        tagset: oneOf<Tagset>(v.tagset, 'tagset', ['conll', 'anercorp']) ?? 'conll',
        keepTags: v['keep-tags'] ?? false,
        chunk,
        workers,
        resume: v.resume ?? false,
        quiet: v.quiet ?? false,
        timeoutMs,
        lexiconFiles,
      });
    }
    if (cmd === 'eval') {
      if (!v.gold) throw new UsageError('eval needs --gold FILE');
      if (rest.length) throw new UsageError(`eval takes no positional arguments (got ${rest.join(' ')})`);
      const fmt = oneOf(v.format, 'format', ['text', 'json'] as const);
      const goldFormat = oneOf(v['gold-format'], 'gold-format', ['conll', 'jsonl', 'json'] as const);
      return await evalCommand({
        gold: v.gold,
        ...(goldFormat ? { goldFormat } : {}),
        ...(v.pred ? { pred: v.pred } : {}),
        chunk,
        errors: v.errors ?? false,
        json: fmt === 'json',
        workers,
        timeoutMs,
        lexiconFiles,
      });
    }
    if (cmd === 'serve') {
      const { serve } = await import('./serve.js');
      const host = v.host ?? '127.0.0.1';
      const port = intOption(v.port, 'port', 8080, 0, 65535);
      const serveOptions = {
        host, port, lexiconFiles,
        maxBytes: intOption(v['max-bytes'], 'max-bytes', 2_000_000, 1),
        maxPending: intOption(v['max-pending'], 'max-pending', 256_000_000, 1),
        workers,
        timeoutMs: v.timeout === undefined ? 30_000 : timeoutMs,
      };
      let served;
      try {
        served = await serve(serveOptions);
      } catch (err) {
        const e = err as Error & { code?: string };
        if (e instanceof AalamError || (typeof e.code === 'string' && e.code.startsWith('E_'))) throw err;
        process.stderr.write(`aalam: cannot listen on ${host}:${port}: ${e.code ?? ''} ${e.message}\n`);
        return 2;
      }
      const addr = served.server.address();
      process.stderr.write(`aalam: listening on http://${typeof addr === 'object' && addr ? `${addr.address}:${addr.port}` : addr}\n`);
      await new Promise<void>((resolve) => {
        // the first signal lets the requests in progress finish (10 s at most); a second one stops now
        let signals = 0;
        const stop = (): void => {
          signals++;
          if (signals === 1) process.stderr.write('aalam: stopping (answering the requests in progress; a second signal stops at once)\n');
          served.shutdown(signals === 1 ? 10_000 : 0).then(resolve, resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      return 0;
    }
    if (cmd === 'lexicon') {
      const { lexiconCommand } = await import('./lexicon.js');
      return await lexiconCommand(rest[0], write);
    }
    throw new UsageError(cmd ? `unknown command ${cmd}` : 'no command');
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(err instanceof BadInputError ? `aalam: ${err.message}\n` : `aalam: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    if (err instanceof BrokenPipe) return 0;
    const e = err as Error & { code?: string };
    if (typeof e.code === 'string' && /^E_LEXICON/.test(e.code)) {
      process.stderr.write(`aalam: ${e.message}\n`);
      return 2;
    }
    // a file or folder that cannot be read or written (EACCES, ENOSPC, EISDIR…): what and where, no stack
    if (typeof (e as { syscall?: unknown }).syscall === 'string') {
      process.stderr.write(`aalam: ${e.message}\n`);
      return 2;
    }
    throw err;
  }
}
