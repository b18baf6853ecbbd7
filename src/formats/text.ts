/**
 * The readable listing of `aalam annotate FILE`: a header line per document with counts by type,
 * then one line per entity (type, surface, English name and id, offsets, how it was found).
 */
import type { Entity } from '../resolve/annotate.js';

/** One entity line: `  PER  جاستن ترودو  →  Justin Trudeau (per/justin-trudeau)  [11–22]`. */
export function formatEntityLine(e: Entity): string {
  const link = e.name ? `${e.name.en}${e.id ? ` (${e.id})` : ''}` : '(pattern)';
  return `  ${e.type.padEnd(4)} ${e.text}  →  ${link}  [${e.start}–${e.end}]${e.source.by === 'lexicon' ? '' : ` ${e.source.by}`}`;
}

/**
 * A document's listing, ending with a blank line.
 *
 * @example
 * ```ts
 * renderTextListing('short.txt', aalam.annotate('التقى رئيس الوزراء جاستن ترودو في أوتاوا'))
 * // 'short.txt: 2 entities (PER 1, LOC 1)\n  PER  جاستن ترودو  →  Justin Trudeau (per/justin-trudeau)  [11–22]\n  LOC  أوتاوا …\n\n'
 * ```
 */
export function renderTextListing(label: string, result: { readonly entities: readonly Entity[] }): string {
  const counts: Record<string, number> = {};
  for (const e of result.entities) counts[e.type] = (counts[e.type] ?? 0) + 1;
  let out = `${label}: ${result.entities.length} entities (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')})\n`;
  for (const e of result.entities) out += formatEntityLine(e) + '\n';
  return out + '\n';
}
