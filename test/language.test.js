import test from 'ava';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { detectLanguage, analyzeLanguage, paragraphs, englishEntities, latinNames, ARABIC_SCRIPT_LANGUAGES } from '../dist/language/index.js';

const DIR = new URL('../corpus/language/', import.meta.url);
const read = (name) => readFileSync(new URL(name, DIR), 'utf8');
const LANG_OF_FILE = { ar: 'arb', fa: 'pes', ur: 'urd', en: 'eng', fr: 'fra' };

// ---------------------------------------------------------------- detectLanguage

const DETECT_CASES = [
  // Arabic, decided by its spelling (ي ك ى ة) at any length
  { input: 'قال الرئيس الكازاخستاني إن الوضع في ألماتي عاد إلى طبيعته.', language: 'arb', by: 'letters' },
  { input: 'وصلت قوات (CSTO) إلى ألماتي.', language: 'arb', by: 'letters' },
  { input: 'رئيس الوزراء', language: 'arb', by: 'letters' },
  // Arabic with a Persian letter in a name: franc decides, still Arabic
  { input: 'التقى وزير الخارجية نظيره في مدينة چابهار الإيرانية وبحثا ملف الموانئ.', language: 'arb', by: 'letters' },
  // Persian: ی ک and no ي ك; never Arabic
  { input: 'وزیر امور خارجه ایران روز پنجشنبه وارد مسکو شد.', language: 'pes' },
  { input: 'سخنگوی وزارت امور خارجه گفت که این سفر در چارچوب سیاست همسایگی انجام می‌شود.', language: 'pes' },
  // Urdu: its own letters (ے ں ٹ ڈ ڑ ھ ہ)
  { input: 'وزیر خزانہ نے کہا کہ حکومت مذاکرات جاری رکھے گی۔', language: 'urd', by: 'letters' },
  { input: 'کیا حال ہے', language: 'urd', by: 'letters' },
  // Latin: franc among the Latin languages of `only`
  { input: 'Reuters could not independently verify the figures released by the ministry.', language: 'eng', by: 'franc' },
  { input: 'Le président kazakh a annoncé jeudi le retrait progressif des troupes.', language: 'fra', by: 'franc' },
  { input: 'Президент Казахстана заявил о выводе войск.', language: 'rus', by: 'franc' },
  // Too short or nothing to go on: und, never a guess
  { input: '(CSTO)', language: 'und', by: 'fallback' },
  { input: 'Reuters', language: 'und', by: 'fallback' },
  { input: 'Canadian Prime Minister Justin Trudeau', language: 'und', by: 'fallback' }, // a line of names
  { input: 'Le président a parlé', language: 'und', by: 'fallback' },
  // …unless three function words of one language say it
  { input: 'Canada is deeply concerned by the violence.', language: 'eng', by: 'words' },
  { input: 'Le retrait des troupes a commencé.', language: 'fra', by: 'words' },
  { input: 'در تهران', language: 'und', by: 'fallback' }, // no letter tells Persian from Arabic here
  { input: '2022 - 15:30', language: 'und', by: 'fallback' },
  { input: '', language: 'und', by: 'fallback' },
];

for (const { input, language, by } of DETECT_CASES) {
  test(`detectLanguage: ${language} ← ${input.slice(0, 40) || '(empty)'}`, (t) => {
    const g = detectLanguage(input);
    t.is(g.language, language);
    if (by) t.is(g.by, by);
    if (g.confidence !== undefined) t.true(g.confidence >= 0 && g.confidence <= 1);
  });
}

test('detectLanguage: fallback option, and errors with stable codes', (t) => {
  t.is(detectLanguage('(CSTO)', { fallback: 'arb' }).language, 'arb');
  t.is(t.throws(() => detectLanguage(42)).code, 'E_INPUT_TYPE');
  t.is(t.throws(() => detectLanguage('x', { minLength: 0 })).code, 'E_OPTION');
  t.is(t.throws(() => detectLanguage('x', { only: 'arb' })).code, 'E_OPTION');
});

test('detectLanguage: Persian stays out of Arabic even when `only` leaves no Persian-family language', (t) => {
  const fa = 'کارشناسان می‌گویند که تورم بالا و کاهش ارزش پول ملی، فشار زیادی بر خانواده‌ها وارد کرده است.';
  t.is(detectLanguage(fa, { only: ['arb', 'eng'] }).language, 'und');
  const ur = 'وزیر خزانہ نے کہا کہ حکومت مذاکرات جاری رکھے گی۔';
  t.not(detectLanguage(ur, { only: ['arb', 'pes', 'eng'] }).language, 'arb');
});

test('detectLanguage: minLength is in letters; Latin needs twice as many', (t) => {
  const en = 'Troops began leaving Almaty early Thursday.'; // 37 letters, no function words
  t.is(detectLanguage(en).language, 'und');
  t.like(detectLanguage(en, { minLength: 15 }), { language: 'eng', by: 'franc' });
  const fa = 'وزیر امور خارجه ایران وارد مسکو شد'; // 28 letters
  t.is(detectLanguage(fa).language, 'pes');
  t.is(detectLanguage(fa, { minLength: 40 }).language, 'und');
});

// ---------------------------------------------------------------- paragraphs

/** Offsets: sorted, trimmed, half-open, and together covering every non-blank character. */
function assertCovers(t, text, ps) {
  const covered = new Uint8Array(text.length);
  let prev = 0;
  for (const p of ps) {
    t.true(p.start >= prev && p.end > p.start && p.end <= text.length, JSON.stringify(p));
    t.is(text.slice(p.start, p.end), text.slice(p.start, p.end).trim());
    covered.fill(1, p.start, p.end);
    prev = p.end;
  }
  for (let i = 0; i < text.length; i++) {
    if (!covered[i]) t.regex(text[i], /[\s\u200b-\u200f\u061c\ufeff\u202a-\u202e\u2066-\u2069]/u, `uncovered ${JSON.stringify(text[i])} at ${i}`);
  }
}

for (const file of readdirSync(DIR).filter((f) => LANG_OF_FILE[f.slice(0, 2)])) {
  test(`paragraphs: every paragraph of ${file} is ${LANG_OF_FILE[file.slice(0, 2)]}`, (t) => {
    const text = read(file);
    const profile = analyzeLanguage(text);
    const want = LANG_OF_FILE[file.slice(0, 2)];
    t.is(profile.language, want);
    t.deepEqual([...new Set(profile.paragraphs.map((p) => p.language))], [want]);
    assertCovers(t, text, profile.paragraphs);
  });
}

test('paragraphs: an Arabic article with an English quote, a short line with (CSTO) and a Latin byline', (t) => {
  const text = read('mixed-trudeau-statement.txt');
  const profile = analyzeLanguage(text);
  t.is(profile.language, 'arb');
  const got = profile.paragraphs.map((p) => [text.slice(p.start, p.end).slice(0, 12), p.language, p.by]);
  t.deepEqual(got, [
    ['قال رئيس الو', 'arb', 'letters'],
    ['وجاء في بيان', 'arb', 'letters'],
    ['"Canada is d', 'eng', 'franc'],
    ['وأشار البيان', 'arb', 'letters'],
    ['وصلت قوات (C', 'arb', 'letters'],
    ['Reuters', 'arb', 'context'],
  ]);
  assertCovers(t, text, profile.paragraphs);
});

test('paragraphs: Persian and Urdu documents are never reported as Arabic, paragraph by paragraph', (t) => {
  for (const file of readdirSync(DIR).filter((f) => /^(fa|ur)-/.test(f))) {
    for (const p of paragraphs(read(file))) t.not(p.language, 'arb', `${file} ${p.start}`);
  }
});

test('paragraphs: Persian and Urdu windows of 20+ letters are never Arabic', (t) => {
  let n = 0;
  for (const file of readdirSync(DIR).filter((f) => /^(fa|ur)-/.test(f))) {
    const words = read(file).split(/\s+/).filter(Boolean);
    for (let k = 3; k <= 8; k++) {
      for (let i = 0; i + k <= words.length; i++) {
        const w = words.slice(i, i + k).join(' ');
        if ((w.match(/\p{L}/gu) ?? []).length < 20) continue;
        n++;
        t.not(detectLanguage(w).language, 'arb', w);
      }
    }
  }
  t.true(n > 500);
});

test('paragraphs: a short line takes its neighbour\'s or the document\'s language, if the scripts agree', (t) => {
  // Persian document: the short ambiguous line is Persian.
  const fa = read('fa-tehran-fuel.txt');
  const short = paragraphs(fa).find((p) => fa.slice(p.start, p.end) === 'در تهران');
  t.like(short, { language: 'pes', by: 'context' });
  // English document: a Latin byline is English; an Arabic-script line is never English.
  const en = 'Troops from the CSTO began to withdraw from Kazakhstan on Thursday, officials in Almaty said.\n\nAFP\n\nرويترز\n\nهذا هو';
  const ps = paragraphs(en);
  t.deepEqual(ps.map((p) => p.language), ['eng', 'eng', 'arb', 'und']);
  t.is(ps[3].by, 'fallback');
  // Same block (no blank line): the nearest decided line wins over the document.
  const mixed = 'قال رئيس الوزراء الكندي في مؤتمر صحفي إن بلاده تتابع الوضع عن كثب.\n\n"We will continue to work with our partners to support a peaceful resolution,"\nTrudeau said.';
  t.deepEqual(paragraphs(mixed).map((p) => [p.language, p.by]), [['arb', 'letters'], ['eng', 'franc'], ['eng', 'context']]);
});

test('paragraphs: split "blank" joins hard-wrapped lines', (t) => {
  const text = 'أعلنت المنظمة بدء سحب قواتها من البلاد بعد أسبوعين.\n\nCanada is deeply concerned by the violence\nin Kazakhstan and calls on all parties\nto show restraint.\n\n(رويترز)';
  const byLine = paragraphs(text);
  t.is(byLine.length, 5);
  const byBlank = paragraphs(text, { split: 'blank' });
  t.deepEqual(byBlank.map((p) => p.language), ['arb', 'eng', 'arb']);
  t.is(text.slice(byBlank[1].start, byBlank[1].end), 'Canada is deeply concerned by the violence\nin Kazakhstan and calls on all parties\nto show restraint.');
  t.is(t.throws(() => paragraphs(text, { split: 'sentence' })).code, 'E_OPTION');
});

test('paragraphs: CRLF, U+2028, blank lines of spaces and bidi marks, and offsets into the original', (t) => {
  const text = '\u200f  وصلت قوات منظمة معاهدة الأمن الجماعي إلى ألماتي.  \r\n \u00a0\t\r\n\u200fقال المتحدث إن الانسحاب سيبدأ الخميس.\u2028Reuters\r\n';
  const ps = paragraphs(text);
  t.deepEqual(ps.map((p) => text.slice(p.start, p.end)), [
    'وصلت قوات منظمة معاهدة الأمن الجماعي إلى ألماتي.',
    'قال المتحدث إن الانسحاب سيبدأ الخميس.',
    'Reuters',
  ]);
  t.deepEqual(ps.map((p) => p.language), ['arb', 'arb', 'arb']);
  assertCovers(t, text, ps);
  t.deepEqual(paragraphs(''), []);
  t.deepEqual(paragraphs(' \n\t\n'), []);
});

test('paragraphs: results are frozen plain JSON', (t) => {
  const profile = analyzeLanguage(read('mixed-trudeau-statement.txt'));
  t.true(Object.isFrozen(profile) && Object.isFrozen(profile.paragraphs) && Object.isFrozen(profile.paragraphs[0]));
  t.deepEqual(JSON.parse(JSON.stringify(profile)), { ...profile, paragraphs: profile.paragraphs.map((p) => ({ ...p })) });
});

const UNITS = [
  'كازاخستان', 'قال', 'إلى', 'وزیر', 'گفت', 'ہے', 'کے', 'ے', 'Reuters', 'CSTO', 'the', 'said', 'and', 'Le', 'président',
  '\n', '\r\n', '\n\n', ' ', '\u2028', '\u200f', '\u200c', '\u064e', '😀', '\ud800', '(', ')', '.', '،', '3',
];
const arbitrary = fc.array(fc.oneof(fc.constantFrom(...UNITS), fc.string({ maxLength: 4 })), { maxLength: 80 }).map((a) => a.join(' '));

test('property: detectLanguage and paragraphs never throw; paragraphs cover all non-blank text', (t) => {
  fc.assert(fc.property(arbitrary, (s) => {
    const g = detectLanguage(s);
    if (typeof g.language !== 'string') return false;
    const ps = paragraphs(s);
    let prev = 0;
    const covered = new Uint8Array(s.length);
    for (const p of ps) {
      if (p.start < prev || p.end <= p.start || p.end > s.length) return false;
      covered.fill(1, p.start, p.end);
      prev = p.end;
    }
    for (let i = 0; i < s.length; i++) if (!covered[i] && !/[\s\u200b-\u200f\u061c\ufeff\u00ad\u202a-\u202e\u2060-\u2064\u2066-\u2069]/u.test(s[i])) return false;
    return ps.every((p) => p.by !== 'context' || p.script !== 'Arabic' || ARABIC_SCRIPT_LANGUAGES.has(p.language));
  }), { numRuns: 500 });
  t.pass();
});

test('paragraphs: letters are counted exactly in long lines, at any offset', (t) => {
  // ك and ة are Arabic evidence: `letters` confidence is n / (n + 1) for n of them.
  const long = 'كة '.repeat(1500); // 4500 code units on one line
  for (const text of [long, 'x' + long, '\n\n ' + long + '\r\n', 'ة'.repeat(5000)]) {
    const n = (text.match(/[كة]/g) ?? []).length;
    const [p] = paragraphs(text);
    t.like(p, { language: 'arb', by: 'letters', confidence: n / (n + 1) });
    t.is(text.slice(p.start, p.end), text.trim());
  }
  // Every 7th line Urdu (ے ہ): the others stay Arabic whatever the line lengths.
  const lines = Array.from({ length: 60 }, (_, i) => (i % 7 === 3 ? 'کیا حال ہے ' : 'قال الرئيس ').repeat(1 + ((i * 37) % 300)).trim());
  t.deepEqual(paragraphs(lines.join('\n')).map((p) => p.language), lines.map((l) => (l.startsWith('کیا') ? 'urd' : 'arb')));
});

test('paragraphs: a line longer than the 256 Ki-unit reading window is counted whole, Latin words and all', (t) => {
  // ي ك ى ة are Arabic evidence: `letters` confidence is n / (n + 1) for n of them, over the whole line
  const evidence = (s) => (s.match(/[يكىة]/g) ?? []).length;
  for (const unit of ['كة قال الرئيس CSTO ', 'وصلت قوات ReutersAFP إلى ألماتي، ']) {
    const line = unit.repeat(Math.ceil(400_000 / unit.length));
    t.true(line.length > 1 << 18);
    for (const [text, start] of [[line, 0], ['x' + line, 0], [`(أ.ف.ب)\r\n${line}\n\nThe minister said the talks would go on.`, 9]]) {
      const p = paragraphs(text).find((x) => x.end - x.start > 1 << 18);
      const n = evidence(text.slice(p.start, p.end));
      t.like(p, { start, end: text.indexOf(line) + line.trimEnd().length, language: 'arb', by: 'letters', confidence: n / (n + 1) });
    }
  }
});

test('paragraphs: a long text (over 256 Ki code units), then a short one, give the same answers as alone', (t) => {
  const short = 'وصلت قوات (CSTO) إلى ألماتي.\r';
  const alone = analyzeLanguage(short);
  const para = 'قال رئيس الوزراء إن بلاده تتابع الوضع عن كثب.';
  const big = `${para}\n\n(Reuters)\r\n`.repeat(5000);
  t.true(big.length > 1 << 18);
  const ps = paragraphs(big);
  t.is(ps.length, 10000);
  t.deepEqual(ps.slice(0, 2).map((p) => [big.slice(p.start, p.end), p.by]), [[para, 'letters'], ['(Reuters)', 'context']]);
  t.true(ps.every((p) => p.language === 'arb'));
  t.deepEqual(analyzeLanguage(short), alone);
  t.deepEqual(detectLanguage(short), detectLanguage(short.trim()));
});

const mixedUnits = fc.array(fc.oneof(fc.constantFrom(...UNITS, 'ة', 'ي', 'ی', 'ک', 'ﻻ', 'ṭ', 'É', '\u08a0', 'ا'.repeat(1100)), fc.string({ maxLength: 3 })), { maxLength: 60 }).map((a) => a.join(''));

test('property: a paragraph decided on its own gets what detectLanguage gives its text alone', (t) => {
  fc.assert(fc.property(mixedUnits, fc.constantFrom('line', 'blank'), (s, split) => {
    for (const p of paragraphs(s, { split })) {
      if (p.by === 'context' || p.by === 'fallback') continue;
      const g = detectLanguage(s.slice(p.start, p.end));
      if (g.language !== p.language || g.by !== p.by || g.confidence !== p.confidence || g.script !== p.script) return false;
    }
    return true;
  }), { numRuns: 300 });
  t.pass();
});

// ---------------------------------------------------------------- englishEntities

const IDS = new Map([['justin trudeau', 0], ['trudeau', 0], ['csto', 1], ['reuters', 2], ['kazakhstan', 3], ['collective security treaty organization', 1], ['canadian', 4], ['agence france-presse', 5], ['afp', 5]]);
const TYPES = ['PER', 'ORG', 'ORG', 'LOC', 'NORP', 'ORG'];
const lookup = (s) => IDS.get(s.toLowerCase());
const typeOf = (i) => TYPES[i];
const spans = (text, es) => es.map((e) => {
  if (text.slice(e.start, e.end) !== e.text) throw new Error(`bad span ${JSON.stringify(e)}`);
  return `${e.type}:${e.text}:${e.entryIndex ?? '-'}`;
});

test('englishEntities: Justin Trudeau, the CSTO (span "CSTO") and Reuters, with their indices', (t) => {
  const text = 'Canadian Prime Minister Justin Trudeau said on Thursday that troops from the CSTO should leave Kazakhstan soon, Reuters reported.';
  const es = englishEntities(text, 0, text.length, lookup);
  const got = spans(text, es);
  t.true(got.includes('PER:Justin Trudeau:0'), got.join(' '));
  t.true(got.includes('ORG:CSTO:1'), got.join(' '));
  t.true(got.includes('ORG:Reuters:2'), got.join(' '));
  t.true(got.includes('LOC:Kazakhstan:3'), got.join(' '));
  const csto = es.find((e) => e.entryIndex === 1);
  t.is(text.slice(csto.start - 4, csto.start), 'the ');
});

test('englishEntities: the English sample, with typeOf; compromise misses are found by the scan', (t) => {
  const text = read('en-trudeau-csto.txt');
  const es = englishEntities(text, 0, text.length, lookup, { typeOf });
  const got = spans(text, es);
  for (const want of ['NORP:Canadian:4', 'PER:Justin Trudeau:0', 'ORG:CSTO:1', 'PER:Trudeau:0', 'ORG:Collective Security Treaty Organization:1', 'ORG:Reuters:2', 'ORG:Agence France-Presse:5', 'ORG:AFP:5']) {
    t.true(got.includes(want), `${want} not in ${got.join(' | ')}`);
  }
  // "The Collective Security Treaty Organization": the article is not in the span.
  t.false(got.some((g) => g.includes('The Collective')));
  const reuters = es.find((e) => e.text === 'Reuters');
  t.is(reuters.by, 'lexicon'); // compromise tags it a plural noun
  // Sorted, never overlapping.
  for (let i = 1; i < es.length; i++) t.true(es[i].start >= es[i - 1].end);
  // A lone title is not a person.
  t.false(es.some((e) => e.text === 'President'));
});

test('englishEntities: offsets into the original text for a paragraph inside an Arabic article', (t) => {
  const text = read('mixed-trudeau-statement.txt');
  const en = paragraphs(text).find((p) => p.language === 'eng');
  const es = englishEntities(text, en.start, en.end, lookup, { typeOf });
  t.deepEqual(spans(text, es), ['LOC:Canada:-', 'LOC:Kazakhstan:3']);
  t.true(es.every((e) => e.start >= en.start && e.end <= en.end));
});

test('englishEntities: UTF-16 offsets after emoji and accents, possessives, sentence-initial "The"', (t) => {
  const text = '🙂🙂 Émile said Trudeau’s office called Reuters. The CSTO disagreed with Reuters\' figures.';
  const es = englishEntities(text, 0, text.length, lookup, { typeOf });
  const got = spans(text, es);
  t.true(got.includes('PER:Trudeau:0'), got.join(' '));
  t.is(got.filter((g) => g === 'ORG:Reuters:2').length, 2, got.join(' '));
  t.true(got.includes('ORG:CSTO:1'), got.join(' '));
  t.false(got.some((g) => g.startsWith('ORG:The')));
});

test('englishEntities: without typeOf, types come from compromise or default to ORG; compromise:false scans only', (t) => {
  const text = 'Justin Trudeau spoke to Reuters about Kazakhstan and Émile Zola.';
  const got = spans(text, englishEntities(text, 0, text.length, lookup));
  t.true(got.includes('PER:Justin Trudeau:0') && got.includes('ORG:Reuters:2') && got.includes('LOC:Kazakhstan:3'), got.join(' '));
  t.true(got.some((g) => g.endsWith(':-')), 'compromise finds an unknown name without an index'); // Émile Zola
  const scan = spans(text, englishEntities(text, 0, text.length, lookup, { typeOf, compromise: false }));
  t.deepEqual(scan, ['PER:Justin Trudeau:0', 'ORG:Reuters:2', 'LOC:Kazakhstan:3']);
});

test('englishEntities: a leading "the" stays only when the lexicon names it so', (t) => {
  const ids = new Map([['the hague', 7], ['united nations', 8]]);
  const text = 'Judges in The Hague ruled, and the United Nations agreed.';
  t.deepEqual(spans(text, englishEntities(text, 0, text.length, (s) => ids.get(s.toLowerCase()))), ['LOC:The Hague:7', 'ORG:United Nations:8']);
});

test('englishEntities: long lines are read in pieces, offsets stay right', (t) => {
  const sentence = 'Officials said Justin Trudeau had spoken to Reuters about the CSTO. ';
  const text = 'Line one mentions Kazakhstan.\r\n' + sentence.repeat(200) + '\nAnd AFP.';
  const es = englishEntities(text, 0, text.length, lookup, { typeOf });
  const got = spans(text, es);
  t.is(got.filter((g) => g === 'PER:Justin Trudeau:0').length, 200);
  t.is(got.filter((g) => g === 'ORG:Reuters:2').length, 200);
  t.is(got.filter((g) => g === 'ORG:CSTO:1').length, 200);
  t.is(got[0], 'LOC:Kazakhstan:3');
  t.is(got[got.length - 1], 'ORG:AFP:5');
});

test('englishEntities: empty range and bad arguments', (t) => {
  t.deepEqual(englishEntities('abc', 1, 1, lookup), []);
  t.is(t.throws(() => englishEntities(null, 0, 0, lookup)).code, 'E_INPUT_TYPE');
  t.is(t.throws(() => englishEntities('abc', 2, 1, lookup)).code, 'E_OPTION');
  t.is(t.throws(() => englishEntities('abc', 0, 9, lookup)).code, 'E_OPTION');
  t.is(t.throws(() => englishEntities('abc', 0, 3, 'lookup')).code, 'E_INPUT_TYPE');
});

test('latinNames: Latin names inside Arabic text, no compromise', (t) => {
  const text = 'وصلت قوات (CSTO) إلى ألماتي، بحسب Reuters وAFP.';
  const got = spans(text, latinNames(text, 0, text.length, lookup, { typeOf }));
  t.deepEqual(got, ['ORG:CSTO:1', 'ORG:Reuters:2', 'ORG:AFP:5']);
  const first = latinNames(text, 0, text.length, lookup)[0];
  t.deepEqual({ ...first }, { start: 11, end: 15, text: 'CSTO', type: 'ORG', entryIndex: 1, by: 'lexicon' });
});

const english = fc.array(fc.constantFrom('Justin', 'Trudeau', 'the', 'CSTO', 'Reuters', "Reuters'", 'Trudeau’s', 'said', 'U.S.', 'of', 'Kazakhstan', '.', ',', '"', '—', '🙂', 'Émile', '\n', "isn't", 'Dr.', '-', 'Agence', 'France-Presse', '  '), { maxLength: 40 }).map((a) => a.join(' '));

test('property: englishEntities spans slice to their text, sorted, never overlapping, inside the range', (t) => {
  fc.assert(fc.property(english, fc.nat(5), (s, cut) => {
    const start = Math.min(cut, s.length);
    const es = englishEntities(s, start, s.length, lookup, { typeOf });
    let prev = start;
    for (const e of es) {
      if (s.slice(e.start, e.end) !== e.text || e.start < prev || e.end <= e.start || e.end > s.length) return false;
      prev = e.end;
    }
    return true;
  }), { numRuns: 150 });
  t.pass();
});

test('detectLanguage: Arabic spelling outweighs a few stray letters of other keyboards; ی ک typed with teh marbuta is Arabic', (t) => {
  // two ھ (Urdu heh) typed for ه in an Arabic sentence
  t.is(detectLanguage('قال رئيس الوزراء العراقي محمد شياع السوداني في بغداد إن الحكومة ستواصل العمل مع الشركاء الدوليين لإعادة إعمار المدن المتضررة، مضيفا أن ھذه المرحلة ھي الأهم.').language, 'arb');
  t.is(detectLanguage('وقال الرئيس عبد الفتاح السيسي في القاهرة اليوم إن ېذه خطوة ېامة للتعاون بين البلدين في مجالات الطاقة والنقل.').language, 'arb');
  // a Persian keyboard's ی ک for ي ك, with Arabic's teh marbuta
  t.is(detectLanguage('اعلنت وزارة الصحة فی الکویت الیوم عن تسجیل حالات جدیدة فی مدینة الکویت والجهراء.').language, 'arb');
  // a Gulf chat line on a Persian keyboard, with one ة: franc may answer Arabic
  t.is(detectLanguage('والله یا جماعة الجو الیوم فی دبی حار جدا ومو طبیعی، ابی اروح البحر بس ما عندی وقت').language, 'arb');
  // real Urdu and Persian stay what they are
  t.is(detectLanguage('وزیر خزانہ نے کہا کہ حکومت مذاکرات جاری رکھے گی اور معیشت بہتر ہو رہی ہے').language, 'urd');
  t.is(detectLanguage('وزیر امور خارجه ایران امروز وارد مسکو شد و با همتای روس خود دیدار کرد').language, 'pes');
});

test('detectLanguage: web and e-mail addresses are no language (a URL line does not make an Arabic article French)', (t) => {
  t.is(detectLanguage('https://www.france24.com/en/middle-east/20240315-macron-to-visit-beirut-lebanon-reuters').language, 'und');
  const text = 'أعلن الرئيس الفرنسي إيمانويل ماكرون اليوم زيارة لبنان الأسبوع المقبل.\nhttps://www.france24.com/en/middle-east/20240315-macron-to-visit-beirut-lebanon-reuters\nالمصدر: فرانس 24';
  const r = analyzeLanguage(text);
  t.is(r.language, 'arb');
  t.deepEqual(r.paragraphs.map((p) => p.language), ['arb', 'arb', 'arb']);
});

test('detectLanguage: a short Persian line (پ چ ژ گ with ی ک, no Arabic spelling) is Persian, not left to the Arabic rules', (t) => {
  const g = detectLanguage('سفر پوتین به تهران');
  t.deepEqual([g.language, g.by], ['pes', 'letters']);
  // a short Arabic line with a Persian name has Arabic spelling too: not Persian (its context decides)
  t.not(detectLanguage('وصل پزشکیان إلى الكويت').language, 'pes');
});
