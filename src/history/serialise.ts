/**
 * JSON lines for op records: one `OpRecord` per line, so a history can be streamed,
 * appended to, and read by tools that know nothing about sockfault.
 *
 * Reading validates every line and names the first bad one (1-based line number), since a
 * hand-edited or truncated history file is the usual way this goes wrong.
 */
import { SockfaultError } from '../errors.js';
import type { OpRecord, Outcome } from './types.js';

const OUTCOMES: readonly Outcome[] = ['ok', 'fail', 'info'];

/** One JSON object per record, each line ended by `\n` (empty string for no records). */
export function toJsonLines(records: readonly OpRecord[]): string {
  return records.map((record) => `${JSON.stringify(record)}\n`).join('');
}

/**
 * Splits JSON-lines text into parsed values with their 1-based line numbers. Blank lines
 * (including the final newline) are skipped; a line that is not JSON throws `code`.
 */
export function parseJsonLines(
  text: string,
  code: 'ERR_HISTORY' | 'ERR_READBACK',
  source: string,
): Array<{ line: number; value: unknown }> {
  const out: Array<{ line: number; value: unknown }> = [];
  text.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '') return;
    try {
      out.push({ line: index + 1, value: JSON.parse(trimmed) as unknown });
    } catch (cause) {
      throw new SockfaultError(code, `${source} line ${index + 1}: not valid JSON`, {
        cause,
        location: `${source}:${index + 1}`,
      });
    }
  });
  return out;
}

function invalid(line: number, message: string): SockfaultError {
  return new SockfaultError('ERR_HISTORY', `history line ${line}: ${message}`, { location: `history:${line}` });
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Checks one parsed line against the `OpRecord` shape; unknown keys are dropped. */
function toRecord(value: unknown, line: number): OpRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(line, 'expected a JSON object');
  }
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || v.id === '') throw invalid(line, '"id" must be a non-empty string');
  if (!OUTCOMES.includes(v.outcome as Outcome)) {
    throw invalid(line, `"outcome" must be one of ${OUTCOMES.join(', ')} (got ${JSON.stringify(v.outcome)})`);
  }
  if (!isFiniteNumber(v.invokedAt)) throw invalid(line, '"invokedAt" must be a number');
  const record: OpRecord = { id: v.id, outcome: v.outcome as Outcome, invokedAt: v.invokedAt };
  if (v.payload !== undefined) {
    if (typeof v.payload !== 'string') throw invalid(line, '"payload" must be a string');
    record.payload = v.payload;
  }
  if (v.connection !== undefined) {
    if (!Number.isInteger(v.connection) || (v.connection as number) < 1) {
      throw invalid(line, '"connection" must be a positive integer');
    }
    record.connection = v.connection as number;
  }
  if (v.completedAt !== undefined) {
    if (!isFiniteNumber(v.completedAt)) throw invalid(line, '"completedAt" must be a number');
    record.completedAt = v.completedAt;
  }
  if (v.error !== undefined) {
    if (typeof v.error !== 'string') throw invalid(line, '"error" must be a string');
    record.error = v.error;
  }
  return record;
}

/**
 * Parses JSON lines back into op records. Throws ERR_HISTORY naming the line for a line
 * that is not JSON, does not match `OpRecord`, or repeats an id (one record per op).
 */
export function fromJsonLines(text: string): OpRecord[] {
  const seen = new Map<string, number>();
  return parseJsonLines(text, 'ERR_HISTORY', 'history').map(({ line, value }) => {
    const record = toRecord(value, line);
    const first = seen.get(record.id);
    if (first !== undefined) throw invalid(line, `op id ${record.id} repeats line ${first}`);
    seen.set(record.id, line);
    return record;
  });
}
