import test from 'ava';
import { Readable } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { byteLines } from '../dist/cli/sources.js';

const bin = fileURLToPath(new URL('../bin/aalam.js', import.meta.url));
const decode = (u) => Buffer.from(u).toString('utf8');
async function linesOf(chunks) {
  const out = [];
  for await (const l of byteLines(Readable.from(chunks.map((c) => Buffer.from(c))))) out.push(decode(l));
  return out;
}

test('byteLines: splits at \\n, drops a \\r before it, keeps empty lines, joins lines across chunks', async (t) => {
  const text = 'وصل وانغ يي\r\n\nإلى بكين\nآخر سطر';
  const whole = Buffer.from(text);
  t.deepEqual(await linesOf([whole]), ['وصل وانغ يي', '', 'إلى بكين', 'آخر سطر']);
  // every cut of the bytes, including cuts inside a two-byte Arabic letter and between \r and \n
  for (let cut = 1; cut < whole.length; cut++) {
    t.deepEqual(await linesOf([whole.subarray(0, cut), whole.subarray(cut)]), ['وصل وانغ يي', '', 'إلى بكين', 'آخر سطر'], `cut at ${cut}`);
  }
  t.deepEqual(await linesOf(['a\n']), ['a'], 'no empty line after the last newline');
  t.deepEqual(await linesOf([]), []);
});

test('annotate: CRLF lines, a record longer than a read chunk and no final newline give the same records', (t) => {
  const long = 'زار وانغ يي موسكو. '.repeat(5000); // ~95 KB of UTF-8, more than one 64 KB read
  const recs = [JSON.stringify({ id: 'a', text: 'وصل توكاييف إلى ألماتي.' }), JSON.stringify({ id: 'long', text: long }), '{bad', JSON.stringify({ id: 'z', text: 'قال ترودو' })];
  const run = (input) => spawnSync(process.execPath, [bin, 'annotate', '--format', 'jsonl', '--workers', '1'], { input, encoding: 'utf8', maxBuffer: 1 << 26 });
  const lf = run(recs.join('\n') + '\n');
  const crlf = run(recs.join('\r\n'));
  t.is(lf.status, 1);
  t.is(crlf.stdout, lf.stdout);
  const out = lf.stdout.trim().split('\n').map((l) => JSON.parse(l));
  t.deepEqual(out.map((r) => r.id), ['a', 'long', null, 'z']);
  t.is(out[1].entities.filter((e) => e.id === 'per/wang-yi').length, 5000);
  t.deepEqual([out[2].line, out[2].error.code], [3, 'E_JSON']);
});
