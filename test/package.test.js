// What `import 'aalam'` gives: the bundled entry (dist/bundle/index.js, scripts/bundle.js) is the
// library tsc built, in one module: the same exports, the same results on the seed articles, and no
// import of a module of its own left to resolve at run time.
import test from 'ava';
import { readFileSync, readdirSync } from 'node:fs';
import * as entry from 'aalam';
import * as modules from '../dist/index.js';

const seeds = new URL('../../shared/seeds/', import.meta.url);
const seedTexts = () => {
  try {
    return readdirSync(seeds).sort().map((f) => readFileSync(new URL(f, seeds), 'utf8'));
  } catch {
    return [];
  }
};

test('the package entry resolves to the bundle and exports what the library does', (t) => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  t.is(pkg.exports['.'].import, './dist/bundle/index.js');
  t.deepEqual(Object.keys(entry).sort(), Object.keys(modules).sort());
  for (const k of Object.keys(modules)) t.is(typeof entry[k], typeof modules[k], k);
});

test('the bundle imports no module of its own (one file to load), only packages and node built-ins', (t) => {
  let found = 0;
  for (const f of ['index.js', 'main.js', 'worker.js']) {
    const src = readFileSync(new URL(`../dist/bundle/${f}`, import.meta.url), 'utf8');
    const specifiers = [...src.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    found += specifiers.length;
    t.deepEqual(specifiers.filter((s) => s.startsWith('.') || s.startsWith('/')), [], f);
  }
  // (the library's bundle takes node's built-ins with process.getBuiltinModule and may import
  // nothing; the CLI's bundles import built-ins, so the pattern is seen to match)
  t.true(found > 0);
});

test('the bundled annotator gives the same annotations, topics and keyphrases as the modules', (t) => {
  const texts = [
    'قال الرئيس الكازاخستاني قاسم جومارت توكاييف في ألماتي (رويترز) إن قوات منظمة معاهدة الأمن الجماعي ستنسحب من قازاخستان.',
    'وصل وزير الخارجية الصيني وانغ يي إلى بكين، بينما لعب الاقتصاد دورا رئيسيا في المحادثات.',
    ...seedTexts(),
  ];
  const a = entry.createAnnotator();
  const b = modules.createAnnotator();
  for (const text of texts) t.deepEqual(a.annotate(text), b.annotate(text));
  t.true(a.annotate(texts[0]).entities.some((e) => e.id === 'per/kassym-jomart-tokayev'));
  // its errors are the library's error class (one class: the entry's own)
  const err = t.throws(() => entry.annotate(42), { instanceOf: entry.AalamError });
  t.is(err.code, 'E_INPUT_TYPE');
});

test('the npm package ships the bundles, not the modules they were made from, and every file the bundles read', async (t) => {
  const { execFileSync } = await import('node:child_process');
  const root = new URL('..', import.meta.url);
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const files = new Set(JSON.parse(out)[0].files.map((f) => f.path));
  const js = [...files].filter((f) => f.startsWith('dist/') && f.endsWith('.js'));
  t.deepEqual(js.sort(), ['dist/bundle/index.js', 'dist/bundle/main.js', 'dist/bundle/worker.js']);
  for (const f of ['bin/aalam.js', 'dist/index.d.ts', 'dist/lexicon.bin', 'dist/lexicon.json', 'dist/stopwords.json', 'lexicons/topics/model.json', 'lexicons/topics/df.json']) t.true(files.has(f), f);
});
