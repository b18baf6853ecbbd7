import test from 'ava';
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './helpers/temp.js';

const bin = fileURLToPath(new URL('../bin/aalam.js', import.meta.url));
const run = (args, input, env = {}) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
const lines = (s) => s.split('\n').filter(Boolean);

// 400 records from the dev corpus, with a bad line every 97 records.
const texts = readFileSync(fileURLToPath(new URL('../corpus/dev.gold.jsonl', import.meta.url)), 'utf8').trim().split('\n').map((l) => JSON.parse(l).text);
const records = [];
for (let i = 0; i < 400; i++) records.push(i % 97 === 50 ? '{"id": broken' : JSON.stringify({ id: `r${i}`, text: texts[i % texts.length] }));
const input = records.join('\n') + '\n';
const MARK = texts[7].slice(0, 30); // a text that occurs in records 7, 53, 99, …
const marked = records.map((r, i) => (r.startsWith('{"id": broken') ? false : i % texts.length === 7));

function checkOneToOne(t, out) {
  const recs = lines(out).map((l) => JSON.parse(l));
  t.is(recs.length, records.length);
  recs.forEach((r, i) => {
    if (records[i].startsWith('{"id": broken')) t.deepEqual([r.id, r.line, r.error.code], [null, i + 1, 'E_JSON']);
    else t.is(r.id, `r${i}`);
  });
  return recs;
}

test('the same output, in input order, for --workers 0, 1 and 2', (t) => {
  const outs = [0, 1, 2].map((w) => run(['annotate', '--workers', String(w)], input));
  for (const o of outs) {
    t.is(o.status, 1, o.stderr); // the broken lines
    t.is(o.stderr, ''); // not a terminal: no progress bar
  }
  checkOneToOne(t, outs[0].stdout);
  t.is(outs[1].stdout, outs[0].stdout);
  t.is(outs[2].stdout, outs[0].stdout);
});

test('a worker that crashes loses no record: its poison records become error records', (t) => {
  const r = run(['annotate', '--workers', '2'], input, { AALAM_TEST_FAULT: `crash:${MARK}` });
  t.is(r.status, 1, r.stderr);
  const recs = checkOneToOne(t, r.stdout);
  recs.forEach((rec, i) => {
    if (marked[i]) t.deepEqual([rec.id, rec.line, rec.error.code], [`r${i}`, i + 1, 'E_WORKER_CRASH']);
    else if (rec.id !== null) t.true(Array.isArray(rec.entities), `record ${i}`);
  });
  // The innocent records in flight with a poison one are retried: same as a clean run.
  const clean = lines(run(['annotate', '--workers', '1'], input).stdout);
  lines(r.stdout).forEach((l, i) => { if (!marked[i]) t.is(l, clean[i]); });
});

test('a worker that hangs is restarted after --timeout; the record gets E_TIMEOUT', (t) => {
  const few = records.slice(0, 60).join('\n') + '\n';
  const r = run(['annotate', '--workers', '2', '--timeout', '2'], few, { AALAM_TEST_FAULT: `hang:${MARK}` });
  t.is(r.status, 1, r.stderr);
  const recs = lines(r.stdout).map((l) => JSON.parse(l));
  t.is(recs.length, 60);
  t.deepEqual(recs.flatMap((x, i) => (x.error && x.error.code === 'E_TIMEOUT' ? [i] : [])), [7, 53]);
});

test('--resume skips ids already in --output and appends the rest, after a cut last line', (t) => {
  const dir = tempDir(t, 'aalam-resume-');
  const inFile = join(dir, 'in.jsonl');
  const full = join(dir, 'full.jsonl');
  const part = join(dir, 'part.jsonl');
  writeFileSync(inFile, input);
  t.is(run(['annotate', '--input', inFile, '--output', full]).status, 1);
  const want = readFileSync(full, 'utf8');
  const wantLines = lines(want);
  // An interrupted run: 123 complete lines and half of the next one.
  writeFileSync(part, wantLines.slice(0, 123).join('\n') + '\n' + wantLines[123].slice(0, 40));
  const r = run(['annotate', '--input', inFile, '--output', part, '--resume']);
  t.is(r.status, 1, r.stderr);
  t.is(readFileSync(part, 'utf8'), want);
  // Nothing left to do: the file is unchanged.
  run(['annotate', '--input', inFile, '--output', part, '--resume']);
  t.is(readFileSync(part, 'utf8'), want);
  // A complete last line without its newline is kept.
  writeFileSync(part, wantLines.slice(0, 10).join('\n'));
  run(['annotate', '--input', inFile, '--output', part, '--resume']);
  t.is(readFileSync(part, 'utf8'), want);
  // brat: documents whose .ann exists are skipped.
  const out = join(dir, 'brat');
  const few = records.slice(0, 5).join('\n') + '\n';
  run(['annotate', '--format', 'brat', '--out', out], few);
  appendFileSync(join(out, 'r0.ann'), '# kept\n');
  const again = run(['annotate', '--format', 'brat', '--out', out, '--resume'], few);
  t.regex(again.stderr, /wrote 0 documents/);
  t.regex(readFileSync(join(out, 'r0.ann'), 'utf8'), /# kept\n$/);
});

test('--resume with records that have no id or share one: each record once, none lost', (t) => {
  const dir = tempDir(t, 'aalam-resume-ids-');
  const inFile = join(dir, 'in.jsonl');
  const full = join(dir, 'full.jsonl');
  const part = join(dir, 'part.jsonl');
  // no ids, ids shared by different texts, and a bad line
  const recs = [
    JSON.stringify({ text: 'زار ماكرون باريس' }),
    JSON.stringify({ id: 'a', text: 'زار بوتين موسكو' }),
    JSON.stringify({ text: 'وصل وانغ يي إلى بكين' }),
    JSON.stringify({ id: 'a', text: 'التقى توكاييف في ألماتي' }),
    '{"id": broken',
    JSON.stringify({ id: 'a', text: 'بغداد' }),
    JSON.stringify({ text: 'قال ترودو في أوتاوا' }),
  ];
  writeFileSync(inFile, recs.join('\n') + '\n');
  t.is(run(['annotate', '--input', inFile, '--output', full]).status, 1);
  const want = readFileSync(full, 'utf8');
  const wantLines = lines(want);
  t.deepEqual(JSON.parse(wantLines[0]).line, 1, 'a record without an id carries its line');
  for (const cut of [0, 1, 2, 3, 4, 5, 6, 7]) {
    writeFileSync(part, wantLines.slice(0, cut).map((l) => l + '\n').join(''));
    run(['annotate', '--input', inFile, '--output', part, '--resume']);
    t.is(readFileSync(part, 'utf8'), want, `interrupted after ${cut} lines`);
    // and again: nothing left to do
    run(['annotate', '--input', inFile, '--output', part, '--resume']);
    t.is(readFileSync(part, 'utf8'), want, `resumed twice after ${cut} lines`);
  }
});

test('the CLI refuses to write over an input, reads each folder once through symbolic links, and answers an unreadable folder with an error record', (t) => {
  const dir = tempDir(t, 'aalam-paths-');
  const inFile = join(dir, 'in.jsonl');
  writeFileSync(inFile, input);
  const r = run(['annotate', '--input', inFile, '--output', inFile]);
  t.is(r.status, 2);
  t.regex(r.stderr, /is an input/);
  t.is(readFileSync(inFile, 'utf8'), input);
  const tree = join(dir, 'tree');
  mkdirSync(join(tree, 'sub'), { recursive: true });
  writeFileSync(join(tree, 'a.txt'), 'زار ماكرون باريس');
  writeFileSync(join(tree, 'sub', 'b.txt'), 'زار بوتين موسكو');
  symlinkSync('.', join(tree, 'loop1'));
  symlinkSync('..', join(tree, 'sub', 'up'));
  const walked = run(['annotate', tree, '--format', 'jsonl', '--quiet']);
  t.is(walked.status, 0, walked.stderr);
  t.deepEqual(lines(walked.stdout).map((l) => JSON.parse(l).id).sort(), [join(tree, 'a.txt'), join(tree, 'sub', 'b.txt')]);
  // a folder that cannot be listed (root reads everything: as root, the run is made as nobody)
  const locked = join(tree, 'locked');
  mkdirSync(locked);
  writeFileSync(join(locked, 'c.txt'), 'بغداد');
  chmodSync(locked, 0);
  t.teardown(() => chmodSync(locked, 0o755));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chmodSync(dir, 0o755);
  const partly = spawnSync(process.execPath, [bin, 'annotate', tree, '--format', 'jsonl', '--quiet'], {
    encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  t.is(partly.status, 1, partly.stderr);
  const out = lines(partly.stdout).map((l) => JSON.parse(l));
  t.is(out.length, 3);
  t.deepEqual(out.filter((x) => x.error).map((x) => [x.id, x.error.code]), [[locked, 'E_READ']]);
});

test('a progress bar on stderr when it is a terminal (documents, MB, rate, ETA)', (t) => {
  if (!existsSync('/usr/bin/script')) { t.log('no /usr/bin/script to fake a terminal: skipped'); t.pass(); return; }
  const dir = tempDir(t, 'aalam-tty-');
  const inFile = join(dir, 'in.jsonl');
  writeFileSync(inFile, input);
  const cmd = `${process.execPath} ${bin} annotate --input ${inFile} --output ${join(dir, 'out.jsonl')} 2>&1`;
  const r = spawnSync('/usr/bin/script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8' });
  t.regex(r.stdout, /\d+% \| 400 docs \| [\d.]+\/[\d.]+ MB \| \d+ docs\/s \| ETA /);
  t.is(lines(readFileSync(join(dir, 'out.jsonl'), 'utf8')).length, 400);
});
