/** An error record: `{"id", "line", "error": {"code", "message"}}`. */
export interface ErrorRecord {
  readonly id: unknown;
  readonly line: number;
  readonly error: { readonly code: string; readonly message: string };
}

/**
 * Parses one input line of the JSONL contract; never throws.
 * `{"id": …, "text": "…"}` → `{ ok: true, id, text }`; anything else → the error record that takes
 * the line's place in the output (`E_JSON` for invalid JSON, `E_RECORD` for a wrong shape or an
 * empty line).
 *
 * @example
 * ```ts
 * parseRecord('{"id":"a","text":"بغداد"}', 1) // { ok: true, id: 'a', text: 'بغداد' }
 * parseRecord('{"id":"c"}', 3).record          // { id: 'c', line: 3, error: { code: 'E_RECORD', message: '"text" must be a string, got nothing' } }
 * ```
 */
export function parseRecord(line: string, lineNo: number): { ok: true; id: unknown; text: string } | { ok: false; record: ErrorRecord } {
  if (line.trim() === '') return { ok: false, record: { id: null, line: lineNo, error: { code: 'E_RECORD', message: 'empty line' } } };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { ok: false, record: { id: null, line: lineNo, error: { code: 'E_JSON', message: `invalid JSON: ${(err as Error).message}` } } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, record: { id: null, line: lineNo, error: { code: 'E_RECORD', message: 'a record must be a JSON object {"id", "text"}' } } };
  }
  const rec = value as Record<string, unknown>;
  const id = rec.id ?? null;
  if (typeof rec.text !== 'string') {
    return { ok: false, record: { id, line: lineNo, error: { code: 'E_RECORD', message: `"text" must be a string, got ${rec.text === undefined ? 'nothing' : typeof rec.text}` } } };
  }
  return { ok: true, id, text: rec.text };
}

/** A JSONL line's UTF-8 bytes as text (invalid bytes become U+FFFD, a BOM stays). */
export function rawLine(raw: Uint8Array): string {
  return Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
}
