import test from 'ava';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/aalam.js', import.meta.url));
const run = (...args) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

test('aalam lexicon check is clean', (t) => {
  const r = run('lexicon', 'check');
  t.log(r.stdout.trim().split('\n').pop());
  t.is(r.status, 0, r.stdout.slice(-2000));
  t.regex(r.stdout, /^0 errors, 0 warnings/m);
});

test('aalam lexicon stats meets the counts of the news-scale lexicons', (t) => {
  const r = run('lexicon', 'stats');
  t.is(r.status, 0, r.stderr);
  const s = JSON.parse(r.stdout);
  t.log(`LOC ${s.byType.LOC}, PER ${s.byType.PER}, ORG ${s.byType.ORG}, NORP ${s.byType.NORP}, country forms ${s.countrySurfaceForms}, given names ${s.givenNames}`);
  t.true(s.byType.LOC >= 2000);
  t.true(s.byType.PER >= 1500);
  t.true(s.byType.ORG >= 800);
  t.true(s.countrySurfaceForms >= 500);
});
