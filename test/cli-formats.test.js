import test from 'ava';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './helpers/temp.js';

const bin = fileURLToPath(new URL('../bin/aalam.js', import.meta.url));
const fx = (p) => fileURLToPath(new URL(`fixtures/cli-inputs/${p}`, import.meta.url));
const run = (args, input, env) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, ...env } });
const jsonl = (s) => s.trim().split('\n').map((l) => JSON.parse(l));

test('a folder is read recursively: only *.txt, no dot-files, sorted', (t) => {
  const r = run(['annotate', fx('folder'), '--format', 'jsonl']);
  t.is(r.status, 0, r.stderr);
  t.is(r.stderr, '');
  const recs = jsonl(r.stdout);
  t.deepEqual(recs.map((x) => x.id), [join(fx('folder'), 'a.txt'), join(fx('folder'), 'sub', 'b.txt')]);
  t.deepEqual(recs[1].entities.map((e) => e.id), ['per/justin-trudeau', 'loc/ottawa-ca']);
});

test('--input FILE.jsonl gives JSONL by default; --format text lists by id', (t) => {
  const r = run(['annotate', '--input', fx('docs.jsonl')]);
  t.is(r.status, 0, r.stderr);
  t.deepEqual(jsonl(r.stdout).map((x) => [x.id, x.entities.map((e) => e.text)]), [['a', ['وانغ يي', 'بكين']], ['b/2', ['بغداد']]]);
  const txt = run(['annotate', '--input', fx('docs.jsonl'), '--format', 'text']);
  t.is(txt.stdout, 'a: 2 entities (PER 1, LOC 1)\n  PER  وانغ يي  →  Wang Yi (per/wang-yi)  [4–11]\n  LOC  بكين  →  Beijing (loc/beijing-cn)  [16–20]\n\n'
    + 'b/2: 1 entities (LOC 1)\n  LOC  بغداد  →  Baghdad (loc/baghdad-iq)  [3–8]\n\n');
});

test('--format conll from text: aalam tokens with IOB2 tags; --tagset anercorp', (t) => {
  const r = run(['annotate', fx('folder/a.txt'), '--format', 'conll']);
  t.is(r.status, 0, r.stderr);
  t.is(r.stdout, '-DOCSTART- O\n\nوصل O\nوانغ B-PER\nيي I-PER\nإلى O\nبكين B-LOC\n. O\n\n');
  const a = run(['annotate', fx('folder/a.txt'), '--format', 'conll', '--tagset', 'anercorp']);
  t.regex(a.stdout, /\nوانغ B-PERS\nيي I-PERS\n/);
});

test('--input-format conll re-tags the given tokens, keeps them, sentence by sentence', (t) => {
  const r = run(['annotate', '--input-format', 'conll', fx('tokens.conll')]);
  t.is(r.status, 0, r.stderr);
  t.is(r.stdout, 'وصل O\nوانغ B-PER\nيي I-PER\nإلى O\nبكين B-LOC\n. O\n\nبغداد B-LOC\n\n');
  const k = run(['annotate', '--input-format', 'conll', fx('tokens.conll'), '--keep-tags', '--tagset', 'anercorp']);
  t.is(k.stdout, 'وصل O O\nوانغ B-PERS B-PERS\nيي I-PERS I-PERS\nإلى O O\nبكين B-LOC B-LOC\n. O O\n\nبغداد B-LOC B-LOC\n\n');
  // --chunk 1: one document per sentence; JSONL output carries the joined text.
  const j = run(['annotate', '--input-format', 'conll', fx('tokens.conll'), '--chunk', '1', '--format', 'jsonl']);
  const recs = jsonl(j.stdout);
  t.deepEqual(recs.map((x) => [x.id, x.text]), [['d00000', 'وصل وانغ يي إلى بكين .'], ['d00001', 'بغداد']]);
  // Also from stdin.
  const s = run(['annotate', '--input-format', 'conll'], readFileSync(fx('tokens.conll'), 'utf8'));
  t.is(s.stdout, r.stdout);
});

test('--format brat writes X.txt + X.ann (code-point offsets) and the brat config into --out', (t) => {
  const out = tempDir(t, 'aalam-brat-');
  const r = run(['annotate', '--input', fx('docs.jsonl'), '--format', 'brat', '--out', out]);
  t.is(r.status, 0, r.stderr);
  t.is(r.stdout, '');
  t.is(r.stderr, `aalam: wrote 2 documents (.txt + .ann) to ${out}\n`);
  t.deepEqual(readdirSync(out).sort(), ['a.ann', 'a.txt', 'annotation.conf', 'b_2.ann', 'b_2.txt', 'visual.conf']);
  t.is(readFileSync(join(out, 'a.ann'), 'utf8'),
    'T1\tPER 4 11\tوانغ يي\n#1\tAnnotatorNotes T1\tper/wang-yi Wang Yi\nT2\tLOC 16 20\tبكين\n#2\tAnnotatorNotes T2\tloc/beijing-cn Beijing\n');
  // '😀 بغداد': JavaScript offset 3, brat (code points) 2.
  const txt = readFileSync(join(out, 'b_2.txt'), 'utf8');
  t.is(txt, '😀 بغداد');
  const ann = readFileSync(join(out, 'b_2.ann'), 'utf8');
  t.is(ann.split('\n')[0], 'T1\tLOC 2 7\tبغداد');
  t.is([...txt].slice(2, 7).join(''), 'بغداد');
  // Text folders keep their layout.
  const out2 = tempDir(t, 'aalam-brat-');
  t.is(run(['annotate', fx('folder'), '--format', 'brat', '--out', out2]).status, 0);
  t.true(existsSync(join(out2, 'a.ann')) && existsSync(join(out2, 'sub', 'b.txt')) && existsSync(join(out2, 'sub', 'b.ann')));
});

test('--format html: one standalone page, a mark per entity with name and id on hover', (t) => {
  const r = run(['annotate', '--input', fx('docs.jsonl'), '--format', 'html']);
  t.is(r.status, 0, r.stderr);
  t.regex(r.stdout, /^<!DOCTYPE html>\n<html lang="ar" dir="rtl">/);
  t.is(r.stdout.match(/<mark class="ent /g).length, 3);
  t.true(r.stdout.includes('title="Wang Yi · per/wang-yi · PER · confidence 0.95">وانغ يي</mark>'));
  t.true(r.stdout.includes('<h2 dir="ltr">b/2</h2>'));
  t.regex(r.stdout, /2 documents, 3 entities/);
  t.regex(r.stdout, /<\/html>\n$/);
});

test('--output FILE writes there; usage errors for formats and options that do not fit', (t) => {
  const dir = tempDir(t, 'aalam-out-');
  const file = join(dir, 'out.conll');
  const r = run(['annotate', fx('folder/a.txt'), '--format', 'conll', '--output', file]);
  t.is(r.status, 0, r.stderr);
  t.is(r.stdout, '');
  t.regex(readFileSync(file, 'utf8'), /^-DOCSTART- O\n\nوصل O\n/);
  for (const args of [
    ['annotate', fx('folder'), '--format', 'brat'],
    ['annotate', fx('folder'), '--out', dir],
    ['annotate', fx('folder'), '--keep-tags', '--format', 'conll'],
    ['annotate', fx('folder'), '--resume'],
    ['annotate', fx('folder'), '--tagset', 'bio'],
    ['annotate', fx('folder'), '--workers', 'two'],
    ['annotate', '--input', '/no/such.jsonl'],
    ['eval'],
    ['eval', '--gold', '/no/such.conll'],
  ]) {
    const u = run(args, '');
    t.is(u.status, 2, args.join(' '));
    t.regex(u.stderr, /^aalam: /);
  }
});

test('a bad --lexicon file is a clear error, exit 2', (t) => {
  const r = run(['annotate', '--lexicon', '/no/such/lexicon.jsonl'], '{"id":1,"text":"بغداد"}\n');
  t.is(r.status, 2);
  t.regex(r.stderr, /^aalam: E_LEXICON_LOAD: cannot read lexicon file \/no\/such\/lexicon.jsonl/);
});
