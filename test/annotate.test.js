import test from 'ava';
import { createAnnotator, annotate, AalamError, scan } from '../dist/index.js';

const aalam = createAnnotator();
const found = (text) => aalam.annotate(text).entities.map((e) => `${e.type}:${e.text}:${e.id ?? '-'}`);
const has = (t, text, want) => {
  const got = found(text);
  t.true(got.includes(want), `${want} not in ${JSON.stringify(got)}`);
};
const lacks = (t, text, pred) => {
  const got = aalam.annotate(text).entities;
  t.false(got.some(pred), JSON.stringify(got.map((e) => `${e.type}:${e.text}:${e.id}`)));
};

// Clitics are seen through and reported separately; the span is the name.
const CLITIC_CASES = [
  ['وصل الوفد أمس بكازاخستان بعد جولة.', 'LOC:كازاخستان:loc/kazakhstan', 'ب'],
  ['قالت الحكومة والصين في بيان مشترك.', 'LOC:الصين:loc/china', 'و'],
  ['ثم توجه فإيران كانت المحطة الأخيرة.', 'LOC:إيران:loc/iran', 'ف'],
  ['ذهب الدعم كله للحزب الليبرالي الكندي في الانتخابات.', 'ORG:لحزب الليبرالي الكندي:org/liberal-party-of-canada', 'ل'],
  ['أعلنت الحكومة دعمها لـ«حزب الله» في بيان.', 'ORG:حزب الله:org/hezbollah', ''],
];
for (const [text, want, prefix] of CLITIC_CASES) {
  test(`clitic: ${want}`, (t) => {
    const e = aalam.annotate(text).entities.find((x) => `${x.type}:${x.text}:${x.id}` === want);
    t.truthy(e, JSON.stringify(found(text)));
    t.is(e.prefix.map((p) => p.text).join(''), prefix);
    t.is(text.slice(e.start, e.end), e.text);
  });
}

test('whole words first: names that begin with clitic letters', (t) => {
  const text = 'زار وفد من بكين ولبنان وفرنسا وكندا العاصمة واشنطن.';
  for (const want of ['LOC:بكين', 'LOC:لبنان', 'LOC:فرنسا', 'LOC:كندا', 'LOC:واشنطن']) {
    t.true(found(text).some((f) => f.startsWith(want + ':')), `${want} in ${found(text)}`);
  }
});

test('a conjunction and a preposition before a short name: وبالصين, ولمصر, وللهند; not inside ordinary words', (t) => {
  has(t, 'وأعلنت الشركة أنها ستفتح مصانع وبالصين أيضا.', 'LOC:الصين:loc/china');
  has(t, 'وقال إن الدعم سيذهب ولمصر حصة كبيرة منه.', 'LOC:مصر:loc/egypt');
  has(t, 'تعهدت الحكومة بتقديم المساعدات لباكستان وللهند.', 'LOC:لهند:loc/india');
  has(t, 'ووصلت الوفود وباليمن تستمر المعارك.', 'LOC:اليمن:loc/yemen');
  lacks(t, 'وبالغ المتحدث في وصف الأضرار وللعب دور الوسيط فلكيا.', () => true);
});

test('a clitic inside a ligature with the name\'s first letter (ﻷ = ل + أ): the span keeps the ligature, the prefix has no empty segment', (t) => {
  for (const [text, name, id, prefix] of [['وصل الوفد ﻷلماتي أمس', 'ﻷلماتي', 'loc/almaty-kz', ''], ['وتحدث وﻹسرائيل عن', 'ﻹسرائيل', 'loc/israel', 'و']]) {
    const e = aalam.annotate(text).entities.find((x) => x.id === id);
    t.truthy(e, text);
    t.is(e.text, name);
    t.is(text.slice(e.start, e.end), e.text);
    t.is(e.prefix.map((p) => p.text).join(''), prefix);
    t.true(e.prefix.every((p) => p.end > p.start && text.slice(p.start, p.end) === p.text));
  }
});

test('normalization never blocks a match: hamza, ى, diacritics, tatweel, presentation forms', (t) => {
  has(t, 'وصل الرئيس إلى كَازَاخِسْتَانَ أمس.', 'LOC:كَازَاخِسْتَانَ:loc/kazakhstan');
  has(t, 'قال مسؤول في كازاخـــستان إن الوضع هادئ.', 'LOC:كازاخـــستان:loc/kazakhstan');
  has(t, 'تعتقد قازاخستان أن الأزمة انتهت.', 'LOC:قازاخستان:loc/kazakhstan');
  has(t, 'عاد الهدوء إلى ﺑﻴﺮﻭﺕ صباح اليوم.', 'LOC:ﺑﻴﺮﻭﺕ:loc/beirut-lb');
});

test('leftmost-longest: an organization that contains a place is one organization', (t) => {
  const text = 'نقلت وكالة «سبوتنيك كازاخستان» عن مصدر أمني قوله إن الوضع هادئ.';
  const es = aalam.annotate(text).entities;
  t.true(es.some((e) => e.text === 'سبوتنيك كازاخستان' && e.type === 'ORG'));
  t.false(es.some((e) => e.text === 'كازاخستان'));
  has(t, 'سقطت قذائف على بلدات في ريف دمشق أمس.', 'LOC:ريف دمشق:loc/rif-dimashq-sy');
});

test('رئيسي is Raisi in a document about him, never the adjective', (t) => {
  const doc = 'وصل الرئيس الإيراني إبراهيم رئيسي إلى بغداد. وقال رئيسي في مؤتمر صحفي إن الزيارة مهمة. ولعب العراق دوراً رئيسياً، وهو دور رئيسي في المنطقة.';
  const es = aalam.annotate(doc).entities.filter((e) => e.id === 'per/ebrahim-raisi');
  t.deepEqual(es.map((e) => e.text), ['إبراهيم رئيسي', 'رئيسي']);
  lacks(t, 'السبب الرئيسي للأزمة هو الوقود، وهذا عامل رئيسي أيضا.', (e) => e.type === 'PER');
});

test('تشرين after صحيفة is the newspaper; تشرين الأول is a month', (t) => {
  has(t, 'كتبت صحيفة «تشرين» في افتتاحيتها أن الاقتصاد يتحسن.', 'ORG:تشرين:org/tishreen');
  lacks(t, 'عقد الاجتماع في تشرين الأول من العام الماضي.', (e) => e.id === 'org/tishreen');
});

test('مختار القرية is a village head, not a person', (t) => {
  lacks(t, 'قال مختار القرية إن السكان غادروا منازلهم.', (e) => e.type === 'PER');
});

test('in-document propagation links later short mentions to the full name', (t) => {
  const doc = 'التقى وزير الخارجية الصيني وانغ يي نظيره الروسي. وقال وانغ إن بلاده مستعدة للتعاون.';
  const es = aalam.annotate(doc).entities.filter((e) => e.id === 'per/wang-yi');
  t.deepEqual(es.map((e) => [e.text, e.source.by]), [['وانغ يي', 'lexicon'], ['وانغ', 'propagation']]);
});

test('demonyms are NORP linked to the country, never LOC', (t) => {
  const es = aalam.annotate('قال مسؤولون صينيون إن الجنود الروس وصلوا.').entities;
  t.true(es.some((e) => e.type === 'NORP' && e.text === 'صينيون' && e.country === 'CN'));
  t.true(es.some((e) => e.type === 'NORP' && e.text === 'الروس' && e.country === 'RU'));
  t.false(es.some((e) => e.type === 'LOC'));
});

test('institution + demonym is an organization of that country', (t) => {
  const es = aalam.annotate('وأعلنت وزارة الخارجية الفرنسية أن السفير استدعي.').entities;
  const org = es.find((e) => e.type === 'ORG');
  t.is(org.text, 'وزارة الخارجية الفرنسية');
  t.is(org.country, 'FR');
  t.is(org.source.by, 'composition');
  t.regex(org.name.en, /Ministry of Foreign Affairs of France/);
  lacks(t, 'وقال وزير الخارجية الفرنسي إن الحوار مستمر.', (e) => e.type === 'ORG');
});

test('user entries are matched like shipped ones', (t) => {
  const custom = createAnnotator({
    entries: [{ id: 'org/example-co', type: 'ORG', name: { ar: 'شركة النخيل الذهبية', en: 'Golden Palm Co.' }, aliases: ['النخيل الذهبية'] }],
  });
  const es = custom.annotate('وقعت النخيل الذهبية عقدا مع أرامكو.').entities;
  t.true(es.some((e) => e.id === 'org/example-co' && e.text === 'النخيل الذهبية'));
});

test('bad user entries are typed errors with a code', (t) => {
  const err = t.throws(() => createAnnotator({ entries: [{ id: 'nope', type: 'XXX' }] }), { instanceOf: AalamError });
  t.is(err.code, 'E_LEXICON_SCHEMA');
});

test('the annotator is frozen and annotate() rejects non-strings with E_INPUT_TYPE', (t) => {
  t.true(Object.isFrozen(aalam));
  const err = t.throws(() => annotate(undefined), { instanceOf: AalamError });
  t.is(err.code, 'E_INPUT_TYPE');
  t.deepEqual(annotate('').entities, []);
});

test('annotations are plain JSON with offsets into the original string', (t) => {
  const text = 'مظليون روس يستقلون طائرة قرب موسكو (أ.ف.ب)';
  const { entities } = aalam.annotate(text);
  t.deepEqual(JSON.parse(JSON.stringify(entities)), entities);
  for (const e of entities) t.is(text.slice(e.start, e.end), e.text);
  has(t, text, 'ORG:أ.ف.ب:org/afp');
  has(t, text, 'LOC:موسكو:loc/moscow-ru');
});

test('paragraph languages: English passages are linked to the same entries, Persian is not tagged with Arabic rules', (t) => {
  const text = 'قال رئيس الوزراء الكندي جاستن ترودو إن الحزب سيختار زعيما جديدا.\n\n' +
    'Justin Trudeau told reporters that the CSTO had no role in Canada, Reuters reported.\n\n' +
    'رئیس جمهور ایران در تهران گفت که مذاکرات با آمریکا ادامه دارد.';
  const r = aalam.annotate(text);
  t.deepEqual(r.paragraphs.map((p) => p.language), ['arb', 'eng', 'pes']);
  const ids = (from, to) => r.entities.filter((e) => e.start >= from && e.end <= to).map((e) => e.id);
  const [ar, en, fa] = r.paragraphs;
  t.true(ids(ar.start, ar.end).includes('per/justin-trudeau'));
  t.deepEqual(ids(en.start, en.end).filter(Boolean).sort(), ['loc/canada', 'org/csto', 'org/reuters', 'per/justin-trudeau']);
  t.deepEqual(ids(fa.start, fa.end), []);
  const forced = aalam.annotate(text, { forceArabic: true });
  t.true(forced.entities.some((e) => e.start >= fa.start && e.id === 'loc/tehran-ir' || e.id === 'loc/iran'));
  for (const e of r.entities) t.is(text.slice(e.start, e.end), e.text);
});

test('English paragraphs follow the call\'s types and patterns; Arabic names on a line labelled English are kept', (t) => {
  const en = 'Justin Trudeau visited Beijing on Tuesday and said that the relations between the two countries were very good.';
  t.deepEqual(aalam.annotate(en, { types: ['ORG'] }).entities, []);
  t.deepEqual(aalam.annotate(en, { types: ['LOC'] }).entities.map((e) => e.id), ['loc/beijing-cn']);
  const unknown = 'Michael Haverford, the spokesman of the ministry, told reporters on Monday that talks would go on.';
  const byPattern = aalam.annotate(unknown).entities.filter((e) => e.source.by === 'pattern');
  t.true(byPattern.length > 0, 'the English pattern finds the unknown name');
  t.false(aalam.annotate(unknown, { patterns: false }).entities.some((e) => e.source.by === 'pattern'));
  // an Arabic sentence quoting a long English one: the line is mostly Latin letters
  const mixed = 'وقال الرئيس الكازاخستاني قاسم جومارت توكاييف في ألماتي إن "we will continue to work with our partners to support a peaceful resolution of the crisis in the region"';
  const r = aalam.annotate(mixed);
  t.deepEqual(r.paragraphs.map((p) => p.language), ['eng']);
  t.deepEqual(r.entities.map((e) => e.text), ['الكازاخستاني', 'قاسم جومارت توكاييف', 'ألماتي']);
  // Persian paragraphs still get nothing from the Arabic rules
  t.deepEqual(aalam.annotate('رئیس جمهور ایران در تهران گفت که مذاکرات با آمریکا ادامه دارد.').entities, []);
});

test('names inside web addresses are not mentions; French paragraphs keep the lexicon\'s names; an Arabic sentence with stray ھ keeps its names', (t) => {
  const text = 'أعلن الرئيس الفرنسي إيمانويل ماكرون زيارة لبنان.\nhttps://www.reuters.com/world/macron-to-visit-beirut-2024/\nللتواصل: press@reuters.com';
  t.deepEqual(aalam.annotate(text).entities.map((e) => e.text), ['الفرنسي', 'إيمانويل ماكرون', 'لبنان']);
  const fr = 'Le président turc Recep Tayyip Erdogan a rencontré son homologue français Emmanuel Macron à Ankara pour discuter de la situation en Syrie et au Liban.';
  const r = aalam.annotate(fr);
  t.is(r.language, 'fra');
  t.deepEqual(r.entities.map((e) => e.id), ['per/recep-tayyip-erdogan', 'per/emmanuel-macron', 'loc/ankara-tr']);
  const stray = 'قال رئيس الوزراء العراقي محمد شياع السوداني في بغداد إن الحكومة ستواصل العمل مع الشركاء الدوليين لإعادة إعمار المدن المتضررة، مضيفا أن ھذه المرحلة ھي الأهم.';
  t.deepEqual(aalam.annotate(stray).entities.map((e) => e.text), ['العراقي', 'محمد شياع السوداني', 'بغداد']);
});

test('call options left undefined keep the annotator\'s defaults', (t) => {
  const only = createAnnotator({ types: ['LOC'], topics: false, keyphrases: false, language: false });
  const text = 'قال بوتين في موسكو إن المحادثات مستمرة';
  const plain = only.annotate(text);
  t.deepEqual(plain.entities.map((e) => e.text), ['موسكو']);
  t.deepEqual(only.annotate(text, { types: undefined, topics: undefined, keyphrases: undefined, language: undefined }), plain);
  t.deepEqual(only.annotate(text, { types: ['PER'] }).entities.map((e) => e.text), ['بوتين']);
});

test('bad options are E_OPTION (E_LEXICON_SCHEMA for a lexicon that is not one), never a TypeError', (t) => {
  const code = (f) => t.throws(f, { instanceOf: AalamError }).code;
  const text = 'زار توكاييف موسكو';
  t.is(code(() => aalam.annotate(text, { types: 5 })), 'E_OPTION');
  t.is(code(() => aalam.annotate(text, { types: 'PER' })), 'E_OPTION');
  t.is(code(() => aalam.annotate(text, { types: ['per'] })), 'E_OPTION');
  t.is(code(() => aalam.annotate(text, { patterns: 'no' })), 'E_OPTION');
  t.is(code(() => aalam.annotate(text, 'PER')), 'E_OPTION');
  t.is(code(() => createAnnotator({ entries: {} })), 'E_OPTION');
  t.is(code(() => createAnnotator({ lexiconFiles: 'x.jsonl' })), 'E_OPTION');
  t.is(code(() => createAnnotator({ topics: 1 })), 'E_OPTION');
  t.is(code(() => createAnnotator({ lexicon: {} })), 'E_LEXICON_SCHEMA');
  // a misspelt option name is an error, not ignored
  t.is(code(() => aalam.annotate(text, { type: ['PER'] })), 'E_OPTION');
  t.is(code(() => createAnnotator({ extraEntries: [] })), 'E_OPTION');
  t.is(code(() => aalam.annotate(text, { entries: [] })), 'E_OPTION');
  // null counts as no options, as undefined does
  t.deepEqual(createAnnotator(null).annotate(text), aalam.annotate(text));
  t.deepEqual(aalam.annotate(text, null), aalam.annotate(text));
});

test('the Israeli army is one entry whatever its name (it had two ids, and their shared names needed evidence)', (t) => {
  for (const text of ['قال جيش الدفاع الإسرائيلي إنه قصف مواقع', 'أعلن الجيش الإسرائيلي أمس', 'قال المتحدث باسم IDF إن']) {
    t.deepEqual(aalam.annotate(text).entities.map((e) => e.id), ['org/israel-defense-forces'], text);
  }
});

test('a club named again by its bare name after a full mention; not when it describes a definite noun (البنك الأهلي)', (t) => {
  const text = 'فاز النادي الأهلي على بيراميدز في نهائي الكأس. وقال مدرب الأهلي إن فريقه استحق الفوز، وأضاف أن الأهلي سيبدأ الاستعداد للبطولة الأفريقية. ' +
    'وأعلن البنك الأهلي دعمه لمؤسسات المجتمع الأهلي.';
  const ahly = aalam.annotate(text).entities.filter((e) => e.id === 'org/al-ahly-eg');
  t.deepEqual(ahly.map((e) => [e.text, e.source.rule ?? null]), [['النادي الأهلي', null], ['الأهلي', 'discourse'], ['الأهلي', 'discourse']]);
});

test('a title inside a lexicon alias is evidence, not part of the span; a country keeps its name against its capital', (t) => {
  const text = 'استقبل السلطان هيثم في مسقط وفدا من الكويت.';
  const es = aalam.annotate(text).entities;
  const haitham = es.find((e) => e.id === 'per/haitham-bin-tariq');
  t.is(haitham?.text, 'هيثم');
  t.true(es.some((e) => e.text === 'الكويت' && e.id === 'loc/kuwait'));
});

// Long documents (over 2^19 UTF-16 units) are read in windows cut at line breaks; the document's
// evidence flows forward from window to window.
const FILLER_LINE = 'وتحدث المسؤولون عن خطط لتحسين الطرق والمدارس في الأحياء القديمة خلال العام المقبل.\n';
const filler = (units) => FILLER_LINE.repeat(Math.ceil(units / FILLER_LINE.length));

test('a long document is read in windows: the same entities as its paragraphs alone, offsets and token indices into the whole text', (t) => {
  const para = 'التقى وزير الخارجية الصيني وانغ يي نظيره الروسي في موسكو، وقالت وكالة رويترز إن الرئيس قاسم جومارت توكاييف سيزور بكين.\n';
  const alone = aalam.annotate(para, { topics: false, keyphrases: false }).entities.map((e) => `${e.type}:${e.text}:${e.id}`);
  t.true(alone.length >= 5, JSON.stringify(alone));
  const copies = Math.ceil((1 << 20) / para.length);
  const text = para.repeat(copies);
  const { entities } = aalam.annotate(text, { topics: false, keyphrases: false });
  t.is(entities.length, alone.length * copies);
  const toks = scan(text);
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i];
    if (`${e.type}:${e.text}:${e.id}` !== alone[i % alone.length]) { t.fail(`entity ${i}: ${e.text}`); break; }
    if (text.slice(e.start, e.end) !== e.text || toks.end[e.tokenEnd - 1] !== e.end || toks.start[e.tokenStart] > e.start || toks.end[e.tokenStart] <= e.start) {
      t.fail(`offsets of entity ${i} (${e.start}, ${e.end}, tokens ${e.tokenStart}–${e.tokenEnd})`);
      break;
    }
  }
});

test('a long document: a full name early is evidence for short mentions windows later (propagation, one sense per discourse)', (t) => {
  const head = 'وصل الرئيس الإيراني إبراهيم رئيسي إلى بغداد والتقى وزير الخارجية الصيني وانغ يي.\n';
  const tail = 'وقال وانغ إن بلاده مستعدة للتعاون، وأكد رئيسي أهمية الزيارة.\n';
  const text = head + filler(1 << 20) + tail;
  const { entities } = aalam.annotate(text, { topics: false, keyphrases: false });
  const late = entities.filter((e) => e.start >= text.length - tail.length);
  t.deepEqual(late.map((e) => [e.text, e.id]), [['وانغ', 'per/wang-yi'], ['رئيسي', 'per/ebrahim-raisi']]);
  t.is(late[0].source.rule, 'from:وانغ يي');
});

test('a long document on one line is cut at spaces; an English paragraph at its end is still routed', (t) => {
  const line = FILLER_LINE.trim() + ' ';
  const text = line.repeat(Math.ceil((1 << 20) / line.length)) + 'وزار جاستن ترودو كازاخستان.\n\nJustin Trudeau met the CSTO chief in Moscow on Monday, Reuters reported.';
  const r = aalam.annotate(text, { topics: false, keyphrases: false });
  t.deepEqual(r.entities.map((e) => e.id), ['per/justin-trudeau', 'loc/kazakhstan', 'per/justin-trudeau', 'org/csto', 'loc/moscow-ru', 'org/reuters']);
  const toks = scan(text);
  for (const e of r.entities) {
    t.is(text.slice(e.start, e.end), e.text);
    t.is(toks.start[e.tokenStart], e.start, e.text);
  }
});

test('a long line without line breaks is cut after a clause end, not inside a name that crosses the cut', (t) => {
  // sentences on one line; the names sit at every offset modulo the sentence's length, so some
  // cross each window's target offset (a cut at the first space there split them)
  const sentence = 'وقال الرئيس الكازاخستاني قاسم جومارت توكاييف إن بلاده تريد علاقات جيدة مع جيرانها. ';
  const alone = aalam.annotate(sentence, { topics: false, keyphrases: false }).entities.map((e) => e.text);
  t.deepEqual(alone, ['الكازاخستاني', 'قاسم جومارت توكاييف']);
  // leading spaces put the space inside one of the names at offset 2^18, where the first window
  // would end; a space was cut at there before
  const inner = sentence.indexOf('قاسم') + 4;
  const pad = ' '.repeat((((1 << 18) - inner) % sentence.length + sentence.length) % sentence.length);
  const copies = Math.ceil((1 << 20) / sentence.length);
  const text = pad + sentence.repeat(copies);
  t.is(text.charAt(1 << 18), ' ');
  t.is(text.slice((1 << 18) - 4, (1 << 18) + 7), 'قاسم جومارت');
  const { entities } = aalam.annotate(text, { topics: false, keyphrases: false });
  t.is(entities.length, 2 * copies);
  t.true(entities.every((e, i) => e.text === alone[i % 2] && text.slice(e.start, e.end) === e.text));
});

test('a long document: its topics and keyphrases are those of the topic model reading the whole text', async (t) => {
  const { createTopicModel } = await import('../dist/index.js');
  // protests in Almaty and a caption printed twice, then filler over several windows, then more news
  const head = 'خرج آلاف المتظاهرين في ألماتي احتجاجا على ارتفاع أسعار الوقود.\nصورة أرشيفية لمحطة القطارات في ألماتي\n';
  const tail = 'وقالت الحكومة إن أسعار الوقود ستنخفض، وعاد المتظاهرون إلى ساحة الجمهورية في ألماتي.\nصورة أرشيفية لمحطة القطارات في ألماتي\n';
  const lines = filler(4 << 19).split('\n');
  // lines of their own here and there, in every window: a sentence broken over two lines (no full
  // stop: only the line break keeps 'أسعار' and 'الوقود' apart)
  for (let i = 0; i + 1 < lines.length; i += 997) {
    lines[i] = 'تظاهر المحتجون أمام البرلمان احتجاجا على أسعار';
    lines[i + 1] = 'الوقود والخبز في العاصمة';
  }
  const text = head + lines.join('\n') + tail;
  t.true(text.length > 3 << 19);
  const r = aalam.annotate(text);
  const model = createTopicModel();
  const whole = model.analyze(text, r.entities);
  t.deepEqual(r.topics, whole.topics);
  t.deepEqual(r.keyphrases, whole.keyphrases);
  // the repeated lines count once; the fuel-price phrase is that of the first and last lines only
  t.deepEqual(r.keyphrases.find((k) => k.text === 'أسعار الوقود')?.occurrences.length, 2);
  t.true(r.keyphrases.some((k) => k.text === 'احتجاجا' && k.occurrences.length > 20));
  for (const k of r.keyphrases) for (const o of k.occurrences) t.false(o.text.includes('\n'), k.text);
  t.deepEqual(aalam.annotate(text, { keyphrases: false }).topics, whole.topics);
  t.deepEqual(aalam.annotate(text, { topics: false }).keyphrases, whole.keyphrases);
});

test('annotators of the shipped lexicon share work buffers, not results: interleaved calls with other options and a long text give what each gives alone', async (t) => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const dir = new URL('../corpus/sample/', import.meta.url);
  const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(new URL(f, dir), 'utf8'));
  const long = texts.join('\n\n').repeat(60); // read in windows
  const plain = (a) => (s, o) => JSON.stringify(a.annotate(s, o));
  // each alone, in a fresh process's order: first every text through one annotator
  const locOnly = createAnnotator({ types: ['LOC'], patterns: false });
  const full = createAnnotator();
  const alone = texts.map((s) => plain(full)(s));
  const aloneLoc = texts.map((s) => plain(locOnly)(s, { topics: false }));
  t.true(alone.some((x, i) => x !== aloneLoc[i]));
  // then interleaved, with a long text between, through new annotators and the first ones
  const again = createAnnotator();
  plain(locOnly)(long);
  texts.forEach((s, i) => {
    t.is(plain(again)(s), alone[i]);
    t.is(plain(locOnly)(s, { topics: false }), aloneLoc[i]);
    t.is(plain(full)(s), alone[i]);
  });
});
