// Cold start: a fresh process imports aalam (the package's entry, as a user does: the bundle),
// builds the default annotator (shipped lexicons) and annotates one short article; prints its
// milestones (ms since the process's time origin) and RSS.
// With argument "bare" it only prints, as the baseline for Node's own start; with "extra" the
// annotator also gets one extra entry of the caller's (`createAnnotator({ entries })`).
if (process.argv[2] === 'bare') {
  process.stdout.write(JSON.stringify({ tReady: performance.now(), rss: process.memoryUsage().rss }) + '\n');
} else {
  const tStart = performance.now();
  const { createAnnotator } = await import('aalam');
  const tImport = performance.now();
  const aalam = process.argv[2] === 'extra'
    ? createAnnotator({ entries: [{ id: 'per/samir-khatib', type: 'PER', name: { ar: 'سمير الخطيب', en: 'Samir Khatib' } }] })
    : createAnnotator();
  const tCreate = performance.now();
  const r = aalam.annotate('قال الرئيس الكازاخستاني قاسم جومارت توكاييف في ألماتي (رويترز) إن قوات منظمة معاهدة الأمن الجماعي ستنسحب من كازاخستان، بينما بحث وزير الخارجية الصيني وانغ يي في بكين العلاقات مع الولايات المتحدة.');
  const tFirst = performance.now();
  const m = process.memoryUsage();
  process.stdout.write(JSON.stringify({ tStart, tImport, tCreate, tFirst, entities: r.entities.length, rss: m.rss, heapUsed: m.heapUsed, maxRss: process.resourceUsage().maxRSS * 1024 }) + '\n');
}
