import test from 'ava';
import { tokenize } from '../dist/index.js';

const texts = (s) => tokenize(s).tokens.map((t) => t.text);

const CASES = [
  { input: 'قال وزير الخارجية، إن الصين مستعدة.', expected: ['قال', 'وزير', 'الخارجية', '،', 'إن', 'الصين', 'مستعدة', '.'] },
  { input: 'مظليون روس (أ.ف.ب)', expected: ['مظليون', 'روس', '(', 'أ.ف.ب', ')'] },
  { input: 'ارتفع بنسبة 3.5 في المائة و١٥ نقطة', expected: ['ارتفع', 'بنسبة', '3.5', 'في', 'المائة', 'و', '١٥', 'نقطة'] },
  { input: 'لـ«حزب الله»', expected: ['لـ', '«', 'حزب', 'الله', '»'] },
  { input: 'قال: «نرى زوال الكيان»؟', expected: ['قال', ':', '«', 'نرى', 'زوال', 'الكيان', '»', '؟'] },
  { input: 'منظمة معاهدة الأمن الجماعي (CSTO)', expected: ['منظمة', 'معاهدة', 'الأمن', 'الجماعي', '(', 'CSTO', ')'] },
  { input: '... المزيد', expected: ['...', 'المزيد'] },
  { input: 'كَازَاخِسْتَانُ', expected: ['كَازَاخِسْتَانُ'] },
  { input: 'in the U.S. today', expected: ['in', 'the', 'U.S.', 'today'] },
];

for (const { input, expected } of CASES) {
  test(`tokens of ${input}`, (t) => {
    t.deepEqual(texts(input), expected);
  });
}

test('kinds and normalized forms', (t) => {
  const { tokens } = tokenize('بكازاخستان، ١٥ CSTO ✓');
  t.deepEqual(tokens.map((x) => x.kind), ['arabic', 'punct', 'number', 'latin', 'symbol']);
  t.is(tokens[2].norm, '15');
  t.is(tokens[3].norm, 'csto');
});

test('tokens and gaps rebuild the input', (t) => {
  const input = 'عمال البلدية\u00a0ينظفون الشوارع (رويترز)\n\nTT\u200f قازاخـستان';
  const { tokens } = tokenize(input);
  let rebuilt = '';
  let pos = 0;
  for (const tok of tokens) {
    rebuilt += input.slice(pos, tok.start) + tok.text;
    t.is(input.slice(tok.start, tok.end), tok.text);
    pos = tok.end;
  }
  t.is(rebuilt + input.slice(pos), input);
});

test('sentences split at . ؟ ! ؛ and line breaks, not inside abbreviations or decimals', (t) => {
  const input = 'ارتفع 3.5 بالمئة (أ.ف.ب). هل يعود؟ نعم؛ لا\nسطر جديد';
  const { sentences } = tokenize(input);
  t.deepEqual(sentences.map((s) => input.slice(s.start, s.end)), ['ارتفع 3.5 بالمئة (أ.ف.ب).', 'هل يعود؟', 'نعم؛', 'لا', 'سطر جديد']);
});

test('closing quotes stay with the sentence they end', (t) => {
  const input = 'قال: «انتهى.» ثم غادر';
  const { sentences } = tokenize(input);
  t.is(input.slice(sentences[0].start, sentences[0].end), 'قال: «انتهى.»');
});

const stems = (word) =>
  tokenize(word, { clitics: true }).tokens[0].analyses.map((a) => a.segments.map((s) => `${s.role}:${s.text}`).join(' '));

// Clitic words from the seed articles: the right analysis is among the candidates
const CLITICS = [
  ['بكازاخستان', 'preposition:ب stem:كازاخستان'],
  ['لتليوبيردي', 'preposition:ل stem:تليوبيردي'],
  ['للحزب', 'preposition:ل article:ل stem:حزب'],
  ['والصين', 'conjunction:و article:ال stem:صين'],
  ['فإيران', 'conjunction:ف stem:إيران'],
  ['وبالصين', 'conjunction:و preposition:ب article:ال stem:صين'],
  ['وسيعلن', 'conjunction:و future:س stem:يعلن'],
  ['حزبه', 'stem:حزب pronoun:ه'],
];
for (const [word, analysis] of CLITICS) {
  test(`clitic analysis of ${word}`, (t) => {
    t.true(stems(word).includes(analysis), stems(word).join(' | '));
  });
}

test('names that start with clitic letters keep the whole-word reading first', (t) => {
  for (const w of ['بكين', 'لبنان', 'فرنسا', 'كندا', 'واشنطن']) t.is(stems(w)[0], `stem:${w}`);
});

test('teh marbuta is not a pronoun', (t) => {
  t.false(stems('غزة').some((a) => a.includes('pronoun')));
});

test('segments carry offsets into the original, diacritics included', (t) => {
  const input = 'وَبِكَازَاخِسْتَانَ';
  const a = tokenize(input, { clitics: true }).tokens[0].analyses.find((x) => x.segments.length === 3);
  t.deepEqual(a.segments.map((s) => s.text), ['وَ', 'بِ', 'كَازَاخِسْتَانَ']);
  for (const s of a.segments) t.is(input.slice(s.start, s.end), s.text);
});

test('property: a text scanned in ranges, each continuing the state of the one before, gives the tokens of one scan', async (t) => {
  const fc = (await import('fast-check')).default;
  const { TokenBuffer } = await import('../dist/tokenize/scan.js');
  const { compileTable, optionsMask } = await import('../dist/normalize/engine.js');
  const { action, expansions } = compileTable(optionsMask(undefined));
  const pieces = ['قال', 'الرئيس', 'توكاييف', '.', '!', '؟', '»', '«', ')', '(', 'U.S.', '3.5', 'Reuters', 'ـ', '\u064E', ' ', ' ', '\n', '\r\n', '\t', '، '];
  const columns = (b, n) => ['start', 'end', 'kind', 'breakBefore', 'hash', 'nlen'].map((k) => Array.from(b[k].subarray(0, n)));
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), fc.array(fc.nat(), { maxLength: 6 }), (parts, picks) => {
      const text = parts.join('');
      const whole = new TokenBuffer();
      const n = whole.scan(text, action, expansions);
      // cuts between tokens: right after a space or a line break
      const gaps = [];
      for (let i = 1; i < text.length; i++) if (/\s/.test(text[i - 1])) gaps.push(i);
      const cuts = [...new Set(gaps.length ? picks.map((p) => gaps[p % gaps.length]) : [])].sort((a, b) => a - b);
      const b = new TokenBuffer();
      const got = [[], [], [], [], [], []];
      let from = 0;
      for (const to of [...cuts, text.length]) {
        const k = b.scan(text, action, expansions, from, to, from === 0 ? 0 : b.endState);
        columns(b, k).forEach((c, i) => got[i].push(...c));
        from = to;
      }
      t.deepEqual(got, columns(whole, n), JSON.stringify({ text, cuts }));
    }),
    { numRuns: 400 },
  );
});

test('a soft hyphen or a bidi mark inside an Arabic word is part of the word; at its end it is not; a zero-width space breaks words', (t) => {
  const text = 'جرت الانت\u00ADخابات في كازاخستان\u200F أمس وقال توكاي\u200Fيف\u200B\u200Bكلمة';
  for (const options of [undefined, { normalize: { invisibles: false } }]) {
    const words = tokenize(text, options).tokens.filter((x) => x.kind === 'arabic');
    t.deepEqual(words.map((x) => x.text), ['جرت', 'الانت\u00ADخابات', 'في', 'كازاخستان', 'أمس', 'وقال', 'توكاي\u200Fيف', 'كلمة']);
    for (const w of words) t.is(text.slice(w.start, w.end), w.text);
  }
  t.is(tokenize(text).tokens.find((x) => x.text.startsWith('الانت')).norm, 'الانتخابات');
});
