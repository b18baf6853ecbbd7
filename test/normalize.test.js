import test from 'ava';
import { normalize, normalizeKey, AalamError } from '../dist/index.js';

// Each rule on real Arabic: [rule, input, expected normalized text]
const RULES = [
  ['diacritics', 'كَازَاخِسْتَانُ', 'كازاخستان'],
  ['diacritics', 'مُحَمَّدٌ', 'محمد'],
  ['diacritics', 'رَحْمٰن', 'رحمن'],
  ['tatweel', 'قازاخـــستان', 'قازاخستان'],
  ['alef', 'أحمد إبراهيم آمنة ٱلله', 'احمد ابراهيم امنه الله'],
  ['alefMaksura', 'موسى', 'موسي'],
  ['tehMarbuta', 'غزة', 'غزه'],
  ['hamzaCarriers', 'مؤتمر رئيس', 'موتمر رييس'],
  ['persian', 'کابل گرجستان ایران پاکستان', 'كابل كرجستان ايران باكستان'],
  ['persian', 'ڤلاديمير', 'فلاديمير'],
  ['presentationForms', 'ﻻ', 'لا'],
  ['presentationForms', 'ﻷ', 'لا'],
  ['presentationForms', 'ﺑﻴﺮﻭﺕ', 'بيروت'],
  ['digits', '٢٠٢٤ و۱۵ و٣٫٥', '2024 و15 و3.5'],
  ['invisibles', 'ترو\u200fدو\u200e \u202bنص\u202c', 'ترودو نص'],
  ['spaces', 'جاستن\u00a0ترودو\u2009كندا', 'جاستن ترودو كندا'],
  ['latinLowercase', 'CSTO Reuters', 'csto reuters'],
];

for (const [rule, input, expected] of RULES) {
  test(`rule ${rule}: ${input}`, (t) => {
    t.is(normalize(input).text, expected);
    t.is(normalizeKey(input), expected);
  });
  test(`rule ${rule} can be switched off: ${input}`, (t) => {
    const off = normalize(input, { [rule]: false }).text;
    t.not(off, expected, `${rule}=false should leave something unchanged`);
  });
}

test('the map points back into the original for deletions', (t) => {
  const input = 'في قازاخـستانَ اليوم';
  const n = normalize(input);
  const s = n.text.indexOf('قازاخستان');
  const span = n.span(s, s + 'قازاخستان'.length);
  t.is(input.slice(span.start, span.end), 'قازاخـستان');
});

test('the map handles one-to-many expansions (lam-alef ligature)', (t) => {
  const input = 'ﻻ بد';
  const n = normalize(input);
  t.is(n.text, 'لا بد');
  t.deepEqual(n.span(0, 2), { start: 0, end: 1 });
  t.deepEqual(n.span(0, 1), { start: 0, end: 1 });
  t.deepEqual(n.span(3, 5), { start: 2, end: 4 });
});

test('toOriginal is monotonic and inside the input', (t) => {
  const input = 'ﻷَحْمَدَ\u200f ـ ٣ ﷲ';
  const n = normalize(input);
  let prev = 0;
  for (let i = 0; i <= n.text.length; i++) {
    const o = n.toOriginal(i);
    t.true(o >= prev && o <= input.length);
    prev = o;
  }
  t.is(n.toOriginal(n.text.length), input.length);
});

test('unchanged text comes back as is', (t) => {
  const n = normalize('hello world');
  t.is(n.text, 'hello world');
  t.deepEqual(n.span(6, 11), { start: 6, end: 11 });
});

test('a non-string is a typed error with a code', (t) => {
  const err = t.throws(() => normalize(42), { instanceOf: AalamError });
  t.is(err.code, 'E_INPUT_TYPE');
});

test('toOriginal: a fraction counts as the offset below it (the end: above it); characters deleted before the first letter are outside a span at 0, as anywhere else', (t) => {
  const n = normalize('ـقال');
  t.is(n.text, 'قال');
  t.deepEqual(n.span(0, 3), { start: 1, end: 4 });
  t.deepEqual(normalize(' ـقال').span(1, 4), { start: 2, end: 5 });
  t.is(n.toOriginal(1.5), n.toOriginal(1));
  t.is(n.toOriginalEnd(1.5), n.toOriginalEnd(2));
  t.is(n.toOriginal(NaN), 1);
  t.is(normalize('ــ').toOriginal(0), 0);
});
