import test from 'ava';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../bin/aalam.js', import.meta.url));
const fx = (p) => fileURLToPath(new URL(`fixtures/cli-eval/${p}`, import.meta.url));
const run = (args, input) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd: root });

// The numbers below are worked out by hand in test/fixtures/cli-eval/README.md.
test('CoNLL gold: exact spans counted like conlleval (orphan I-, wrong type = FP + FN)', (t) => {
  const r = run(['eval', '--gold', fx('gold.conll'), '--pred', fx('pred.jsonl'), '--chunk', '2', '--format', 'json']);
  t.is(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  const counts = (x) => [x.tp, x.fp, x.fn];
  t.deepEqual(counts(j.types.PER), [2, 1, 0]);
  t.deepEqual(counts(j.types.LOC), [2, 0, 2]);
  t.deepEqual(counts(j.types.ORG), [0, 2, 2]);
  t.deepEqual(counts(j.overall), [4, 3, 4]);
  t.is(j.types.PER.precision, 2 / 3);
  t.is(j.types.PER.f1, 0.8);
  t.is(j.types.LOC.f1, 2 / 3);
  t.is(j.overall.precision, 4 / 7);
  t.is(j.overall.recall, 0.5);
  t.true(Math.abs(j.overall.f1 - 8 / 15) < 1e-12);
  t.deepEqual(j.notScored, { MISC: 1 });
  t.is(j.documents, 2);
});

test('the text report and --errors list FPs and misses with context', (t) => {
  const r = run(['eval', '--gold', fx('gold.conll'), '--pred', fx('pred.jsonl'), '--chunk', '2', '--errors']);
  t.is(r.status, 0, r.stderr);
  const out = r.stdout;
  t.true(out.startsWith(
    'FP   ORG d00000  «UN»  (overlaps gold ORG «UN Council»)  Omar Khaled visited Paris [[UN]] Council met Expo\n'
    + 'FN   ORG d00000  «UN Council»  (overlaps predicted ORG «UN»)  Omar Khaled visited Paris [[UN Council]] met Expo\n'
    + 'FP   PER d00001  «Lyon»  (gold LOC)  [[Lyon]] Ann Total Rome Nile\n'
    + 'FN   LOC d00001  «Lyon»  (predicted PER)  [[Lyon]] Ann Total Rome Nile\n',
  ), out);
  t.true(out.includes('PER           2       3       2       1       0     66.67%  100.00%   80.00%\n'));
  t.true(out.includes('overall       8       7       4       3       4     57.14%   50.00%   53.33%\n'));
  t.true(out.endsWith('F1=0.533 P=0.571 R=0.500 PER=0.800 LOC=0.667 ORG=0.000 docs=2\n'));
});

test('JSONL gold: exact character spans, optional mentions ignored, link accuracy', (t) => {
  const r = run(['eval', '--gold', fx('gold.jsonl'), '--pred', fx('gold-pred.jsonl'), '--format', 'json', '--errors']);
  t.is(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  t.deepEqual([j.overall.tp, j.overall.fp, j.overall.fn], [3, 1, 1]);
  t.is(j.overall.f1, 0.75);
  t.deepEqual([j.types.ORG.fp, j.types.LOC.fn], [1, 1]);
  t.deepEqual(j.link, { correct: 2, of: 3, accuracy: 2 / 3 });
  t.is(j.missing, 1);
  t.deepEqual(j.errors.map((e) => [e.kind, e.type, e.doc, e.text]), [['LINK', 'PER', 'g1', 'Xi'], ['FP', 'ORG', 'g1', 'the White House'], ['FN', 'LOC', 'g2', 'Paris']]);
});

test('eval runs aalam when no --pred is given', (t) => {
  const gold = 'وصل O\nوانغ B-PERS\nيي I-PERS\nإلى O\nبكين B-LOC\n. O\n\nبغداد B-LOC\n';
  const r = run(['eval', '--gold', '-', '--format', 'json', '--workers', '1'], gold);
  t.is(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  t.deepEqual([j.overall.tp, j.overall.fp, j.overall.fn], [3, 0, 0]);
});

// The ANERcorp protocol of /work/shared/eval/score_conll.py, replicated: same counts.
const anercorp = '/work/shared/data/anercorp/train.txt';
const scorer = '/work/shared/eval/score_conll.py';
const python = spawnSync('python3', ['--version']).status === 0;
(existsSync(anercorp) && existsSync(scorer) && python ? test : test.skip)('same numbers as score_conll.py on ANERcorp train', (t) => {
  const ours = run(['eval', '--gold', anercorp, '--format', 'json']);
  t.is(ours.status, 0, ours.stderr);
  const j = JSON.parse(ours.stdout);
  const py = spawnSync('python3', [scorer, anercorp], { encoding: 'utf8', cwd: root });
  t.is(py.status, 0, py.stderr);
  for (const type of ['PER', 'LOC', 'ORG']) {
    const m = new RegExp(`^${type} .*\\(tp=(\\d+) fp=(\\d+) fn=(\\d+)\\)$`, 'm').exec(py.stdout);
    t.deepEqual([j.types[type].tp, j.types[type].fp, j.types[type].fn], m.slice(1).map(Number), type);
  }
  const last = /^F1=([\d.]+) P=([\d.]+) R=([\d.]+) .* docs=(\d+)/m.exec(py.stdout);
  t.is(j.overall.f1.toFixed(3), last[1]);
  t.is(j.overall.precision.toFixed(3), last[2]);
  t.is(j.overall.recall.toFixed(3), last[3]);
  t.is(j.documents, Number(last[4]));
  t.log(`F1=${j.overall.f1.toFixed(3)} (score_conll.py: ${last[1]})`);
});

test('bad gold and prediction lines are a message naming the file and line (exit 2), never a crash; a BOM is not part of the first line', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'aalam-eval-bad-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const gold = join(dir, 'g.jsonl');
  writeFileSync(gold, '\ufeff' + JSON.stringify({ id: 'x', text: 'بغداد', mentions: [{ start: 0, end: 5, type: 'LOC' }] }) + '\n');
  const pred = join(dir, 'p.jsonl');
  const cases = [
    ['null\n', /p\.jsonl:1: a prediction is/],
    [JSON.stringify({ id: 'x', entities: [null] }) + '\n', /p\.jsonl:1: entities\[0\] is not/],
  ];
  for (const [lines, message] of cases) {
    writeFileSync(pred, lines);
    const r = run(['eval', '--gold', gold, '--pred', pred]);
    t.is(r.status, 2);
    t.regex(r.stderr, message);
    t.notRegex(r.stderr, /TypeError|\n\s+at |usage:/);
  }
  writeFileSync(pred, JSON.stringify({ id: 'x', entities: [{ start: 0, end: 5, type: 'LOC' }] }) + '\n');
  const ok = run(['eval', '--gold', gold, '--pred', pred, '--format', 'json']);
  t.is(ok.status, 0, ok.stderr);
  t.is(JSON.parse(ok.stdout).overall.f1, 1);
  const badGold = join(dir, 'g2.jsonl');
  writeFileSync(badGold, JSON.stringify({ id: 'x', text: 'بغداد', mentions: [null, { start: 3, end: 9, type: 'LOC' }] }) + '\n');
  const g = run(['eval', '--gold', badGold, '--pred', pred]);
  t.is(g.status, 2);
  t.regex(g.stderr, /g2\.jsonl:1: mentions\[0\] is not/);
  t.notRegex(g.stderr, /TypeError|\n\s+at /);
});

test('eval --gold - --gold-format json reads the JSON array from standard input', (t) => {
  const doc = { id: 'x', text: 'زار ماكرون بغداد', mentions: [{ start: 4, end: 10, type: 'PER' }, { start: 11, end: 16, type: 'LOC' }] };
  const r = run(['eval', '--gold', '-', '--gold-format', 'json', '--format', 'json', '--workers', '0'], JSON.stringify([doc]));
  t.is(r.status, 0, r.stderr);
  t.is(JSON.parse(r.stdout).overall.f1, 1);
});
