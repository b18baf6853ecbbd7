import test from 'ava';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/aalam.js', import.meta.url));
const run = (args, input) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8' });

test('annotate --format jsonl: one output line per input line, in order, errors in place', (t) => {
  const input = [
    JSON.stringify({ id: 'a', text: 'وصل وانغ يي إلى بكين.' }),
    '{not json',
    JSON.stringify({ id: 'c' }),
    '',
    JSON.stringify({ id: 'e', text: 'مظليون روس قرب موسكو (أ.ف.ب)' }),
  ].join('\n') + '\n';
  const r = run(['annotate', '--format', 'jsonl'], input);
  t.is(r.status, 1, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  t.is(lines.length, 5);
  t.is(lines[0].id, 'a');
  t.deepEqual(lines[0].entities.map((e) => [e.text, e.id]), [['وانغ يي', 'per/wang-yi'], ['بكين', 'loc/beijing-cn']]);
  t.deepEqual(lines[1], { id: null, line: 2, error: { code: 'E_JSON', message: lines[1].error.message } });
  t.is(lines[2].error.code, 'E_RECORD');
  t.is(lines[2].id, 'c');
  t.is(lines[3].line, 4);
  t.is(lines[4].id, 'e');
  t.deepEqual(lines[4].entities.map((e) => e.text), ['روس', 'موسكو', 'أ.ف.ب']);
});

test('annotate exits 0 when every record succeeds', (t) => {
  const r = run(['annotate'], JSON.stringify({ id: 1, text: 'بغداد' }) + '\n');
  t.is(r.status, 0);
  t.is(JSON.parse(r.stdout).entities[0].id, 'loc/baghdad-iq');
});

test('annotate FILE prints a readable list', (t) => {
  const file = fileURLToPath(new URL('fixtures/short.txt', import.meta.url));
  const r = run(['annotate', file]);
  t.is(r.status, 0, r.stderr);
  t.is(r.stdout, `${file}: 2 entities (PER 1, LOC 1)\n  PER  جاستن ترودو  →  Justin Trudeau (per/justin-trudeau)  [11–22]\n  LOC  أوتاوا  →  Ottawa (loc/ottawa-ca)  [26–32]\n\n`);
});

test('usage errors exit 2 with a message on stderr', (t) => {
  const r = run(['frobnicate']);
  t.is(r.status, 2);
  t.is(r.stdout, '');
  t.regex(r.stderr, /^aalam: unknown command frobnicate\nusage: aalam/);
  t.is(run(['annotate', '--format', 'xml'], '').status, 2);
  t.is(run(['annotate', '/no/such/file']).status, 2);
});

test('--version prints the package version; a JSONL input that starts with a byte-order mark reads its first record', (t) => {
  const v = run(['--version']);
  t.is(v.status, 0);
  t.regex(v.stdout, /^aalam \d+\.\d+\.\d+\n$/);
  const r = run(['annotate'], '\ufeff' + JSON.stringify({ id: 'b', text: 'بغداد' }) + '\n');
  t.is(r.status, 0, r.stdout);
  t.is(JSON.parse(r.stdout).entities[0].id, 'loc/baghdad-iq');
});
