import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createAnnotator, type Annotator } from '../annotator.js';
import type { Entity } from '../resolve/annotate.js';
import { processLine } from './jsonl.js';

const USAGE = `usage: aalam <command> [options]

commands:
  annotate [FILE|DIR ...]   annotate plain-text files (readable list), or JSON lines {"id","text"} from stdin
      --format jsonl|text   output format (default: jsonl for stdin, text for files)
      --lexicon FILE        an extra JSONL lexicon (repeatable)
  lexicon stats             counts of the compiled lexicons
  lexicon check             schema and consistency checks of lexicons/ (exit 1 on errors)

exit status: 0 ok; 1 some records failed (each has an error record in the output); 2 usage error.`;

class UsageError extends Error {}

function collectFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try { st = statSync(p); } catch { throw new UsageError(`no such file or directory: ${p}`); }
    if (st.isDirectory()) out.push(...collectFiles(readdirSync(p).sort().map((f) => join(p, f))));
    else out.push(p);
  }
  return out;
}

function write(s: string): Promise<void> {
  return new Promise((resolve) => { if (process.stdout.write(s)) resolve(); else process.stdout.once('drain', resolve); });
}

async function annotateJsonl(annotator: Annotator, input: NodeJS.ReadableStream): Promise<number> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let failed = 0;
  for await (const line of rl) {
    lineNo++;
    const { record, ok } = line.trim() === ''
      ? { record: { id: null, line: lineNo, error: { code: 'E_RECORD', message: 'empty line' } }, ok: false }
      : processLine(annotator, line, lineNo);
    if (!ok) failed++;
    await write(JSON.stringify(record) + '\n');
  }
  return failed ? 1 : 0;
}

function formatEntity(e: Entity): string {
  const link = e.name ? `${e.name.en}${e.id ? ` (${e.id})` : ''}` : '(pattern)';
  return `  ${e.type.padEnd(4)} ${e.text}  →  ${link}  [${e.start}–${e.end}]${e.source.by === 'lexicon' ? '' : ` ${e.source.by}`}`;
}

async function annotateFiles(annotator: Annotator, files: string[], format: string): Promise<number> {
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const result = annotator.annotate(text);
    if (format === 'jsonl') { await write(JSON.stringify({ id: f, ...result }) + '\n'); continue; }
    const counts: Record<string, number> = {};
    for (const e of result.entities) counts[e.type] = (counts[e.type] ?? 0) + 1;
    await write(`${f}: ${result.entities.length} entities (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')})\n`);
    for (const e of result.entities) await write(formatEntity(e) + '\n');
    await write('\n');
  }
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        lexicon: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (err) {
    process.stderr.write(`aalam: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) { process.stdout.write(USAGE + '\n'); return 0; }
  const [cmd, ...rest] = positionals;
  try {
    if (cmd === 'annotate') {
      const format = values.format ?? (rest.length ? 'text' : 'jsonl');
      if (!['jsonl', 'text'].includes(format)) throw new UsageError(`unknown --format ${format}`);
      const annotator = createAnnotator({ lexiconFiles: values.lexicon ?? [] });
      if (rest.length) return await annotateFiles(annotator, collectFiles(rest), format);
      return await annotateJsonl(annotator, process.stdin);
    }
    if (cmd === 'lexicon') {
      const { lexiconCommand } = await import('./lexicon.js');
      return await lexiconCommand(rest[0], write);
    }
    throw new UsageError(cmd ? `unknown command ${cmd}` : 'no command');
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`aalam: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
}
