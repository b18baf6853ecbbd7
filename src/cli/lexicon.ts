import { loadShippedLexicon } from '../gazetteer/load.js';

/** `aalam lexicon stats|check`. */
export async function lexiconCommand(sub: string | undefined, write: (s: string) => Promise<void>): Promise<number> {
  if (sub === 'stats') {
    const lex = loadShippedLexicon();
    const byType: Record<string, number> = {};
    const byKind: Record<string, number> = {};
    for (const e of lex.entries) {
      byType[e.type] = (byType[e.type] ?? 0) + 1;
      const k = `${e.type}/${e.kind ?? '-'}`;
      byKind[k] = (byKind[k] ?? 0) + 1;
    }
    const countries = new Set(lex.entries.flatMap((e, i) => (e.iso2 ? [i] : [])));
    const countryForms = new Set(lex.aliases.filter(([, i]) => countries.has(i)).map(([k]) => k)).size;
    const stats = {
      entries: lex.entries.length, aliases: lex.aliases.length, byType,
      countrySurfaceForms: countryForms, givenNames: Object.keys(lex.givenNames).length,
      byKind,
    };
    await write(JSON.stringify(stats, null, 2) + '\n');
    return 0;
  }
  if (sub === 'check') {
    const { checkLexicons } = await import('../gazetteer/check.js');
    const report = checkLexicons();
    for (const p of report.problems) await write(`${p.level}: ${p.where}: ${p.message}\n`);
    await write(`${report.errors} errors, ${report.warnings} warnings in ${report.files} files, ${report.entries} entries\n`);
    return report.errors ? 1 : 0;
  }
  process.stderr.write('usage: aalam lexicon stats|check\n');
  return 2;
}
