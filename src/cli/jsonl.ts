import type { Annotator } from '../annotator.js';

/** One output record of the JSONL contract. */
export type OutputRecord =
  | { readonly id: unknown; readonly [k: string]: unknown }
  | { readonly id: unknown; readonly line: number; readonly error: { readonly code: string; readonly message: string } };

/**
 * Turns one input line into exactly one output record; never throws.
 * `{"id": …, "text": …}` → `{"id": …, "entities": […]}`; a bad line → an error record with its line number.
 */
export function processLine(annotator: Annotator, line: string, lineNo: number): { record: OutputRecord; ok: boolean } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { record: { id: null, line: lineNo, error: { code: 'E_JSON', message: `invalid JSON: ${(err as Error).message}` } }, ok: false };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { record: { id: null, line: lineNo, error: { code: 'E_RECORD', message: 'a record must be a JSON object {"id", "text"}' } }, ok: false };
  }
  const rec = value as Record<string, unknown>;
  const id = rec.id ?? null;
  if (typeof rec.text !== 'string') {
    return { record: { id, line: lineNo, error: { code: 'E_RECORD', message: `"text" must be a string, got ${rec.text === undefined ? 'nothing' : typeof rec.text}` } }, ok: false };
  }
  try {
    const result = annotator.annotate(rec.text);
    return { record: { id, ...result }, ok: true };
  } catch (err) {
    return { record: { id, line: lineNo, error: { code: 'E_INTERNAL', message: (err as Error).message } }, ok: false };
  }
}
