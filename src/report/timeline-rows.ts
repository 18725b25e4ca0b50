/**
 * The rows of a failure timeline, as plain data (the SVG is drawn from them in
 * timeline-svg.ts). One row per event, in time order, merged from three logs:
 *
 *   transport log  open · data · fault · FIN · close · refused      (the proxy's view)
 *   history        invoke · ok · fail · info                        (the client's view)
 *   target log     exit · crash · kill · pause · resume · restart   (the server's view)
 *
 * A run forwards hundreds of chunks, so rows are condensed: consecutive data events are
 * merged per connection and direction into one arrow with a byte range, consecutive op
 * events of one kind into one row, and long quiet stretches far from any fault or
 * anomaly are elided into a single "… N rows" row.
 */
import type { Anomaly, AnomalyKind } from '../checker/types.js';
import type { Direction } from '../faults/types.js';
import type { Outcome } from '../history/types.js';
import type { CloseKind, Leg } from '../proxy/transport-log.js';
import type { RunResult } from '../runner/types.js';

/** One row of the timeline: an event, or merged events, or an elided stretch (`gap`). */
export type TimelineRow =
  | { kind: 'open' | 'refused'; at: number; connection: number }
  | { kind: 'data'; at: number; connection: number; direction: Direction; from: number; to: number; chunks: number }
  | { kind: 'fault'; at: number; connection?: number; direction?: Direction; offset?: number; description: string }
  | { kind: 'fin'; at: number; connection: number; side: Leg; by: 'peer' | 'proxy' }
  | { kind: 'close'; at: number; connection: number; side: Leg; by: 'peer' | 'proxy'; how: CloseKind; code?: string }
  | { kind: 'ops'; at: number; phase: 'invoke' | Outcome; ids: string[]; flagged: { id: string; kind: AnomalyKind }[] }
  | { kind: 'target'; at: number; text: string; bad: boolean }
  | { kind: 'gap'; at: number; hidden: number };

/** Rows kept on each side of a fault or a flagged op, and at both ends, when eliding. */
const CONTEXT = 12;

/** Op anomalies by id (an op can have several kinds: first one wins for the colour). */
export function flaggedOps(anomalies: readonly Anomaly[]): Map<string, AnomalyKind> {
  const flagged = new Map<string, AnomalyKind>();
  for (const anomaly of anomalies) if (anomaly.id !== undefined && !flagged.has(anomaly.id)) flagged.set(anomaly.id, anomaly.kind);
  return flagged;
}

/** Copies the optional fields of `source` that are defined (exactOptionalPropertyTypes-friendly). */
function defined<T extends object>(source: T): Partial<T> {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function transportRows(run: RunResult): TimelineRow[] {
  return run.transportLog.flatMap((event): TimelineRow[] => {
    switch (event.type) {
      case 'open':
      case 'refused':
        return [{ kind: event.type, at: event.at, connection: event.connection }];
      case 'data':
        return [{ kind: 'data', at: event.at, connection: event.connection, direction: event.direction, from: event.offset, to: event.offset + event.length, chunks: 1 }];
      case 'fault': {
        const { connection, direction, offset } = event;
        return [{ kind: 'fault', at: event.at, description: event.description, ...defined({ connection, direction, offset }) }];
      }
      case 'fin':
        return [{ kind: 'fin', at: event.at, connection: event.connection, side: event.side, by: event.by }];
      case 'close':
        return [{ kind: 'close', at: event.at, connection: event.connection, side: event.side, by: event.by, how: event.how, ...defined({ code: event.code }) }];
      default:
        return [];
    }
  });
}

function historyRows(run: RunResult): TimelineRow[] {
  return run.history.flatMap((op): TimelineRow[] => [
    { kind: 'ops', at: op.invokedAt, phase: 'invoke', ids: [op.id], flagged: [] },
    ...(op.completedAt === undefined ? [] : [{ kind: 'ops' as const, at: op.completedAt, phase: op.outcome, ids: [op.id], flagged: [] }]),
  ]);
}

const TARGET_WORDS = { kill: 'killed', pause: 'paused', resume: 'resumed', restart: 'restarted' } as const;

function targetRows(run: RunResult): TimelineRow[] {
  return run.targetLog.flatMap((event): TimelineRow[] => {
    switch (event.type) {
      case 'exit': {
        const how = event.signal ?? `code ${event.code}`;
        return [{ kind: 'target', at: event.at, text: `server exited (${how})${event.expected ? '' : ' unexpectedly'}`, bad: !event.expected }];
      }
      case 'crash':
        return [{ kind: 'target', at: event.at, text: `server crashed: ${event.code ?? event.error}`, bad: true }];
      case 'kill':
      case 'pause':
      case 'resume':
      case 'restart':
        return [{ kind: 'target', at: event.at, text: `server ${TARGET_WORDS[event.type]}`, bad: false }];
      default:
        return [];
    }
  });
}

/** Every row of the three logs, in time order. */
function rawRows(run: RunResult): TimelineRow[] {
  const rows = [...transportRows(run), ...historyRows(run), ...targetRows(run)];
  // Stable sort: events logged at the same instant keep their log order (transport first).
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => a.row.at - b.row.at || a.index - b.index)
    .map(({ row }) => row);
}

/** Merges runs of data rows per (connection, direction) and runs of same-phase op rows. */
function condense(rows: readonly TimelineRow[]): TimelineRow[] {
  const out: TimelineRow[] = [];
  let dataRun = new Map<string, Extract<TimelineRow, { kind: 'data' }>>();
  for (const row of rows) {
    const last = out.at(-1);
    if (row.kind === 'data') {
      if (last?.kind !== 'data') dataRun = new Map();
      const key = `${row.connection}:${row.direction}`;
      const open = dataRun.get(key);
      if (open && open.to === row.from) {
        open.to = row.to;
        open.chunks++;
      } else {
        const copy = { ...row };
        dataRun.set(key, copy);
        out.push(copy);
      }
    } else if (row.kind === 'ops' && last?.kind === 'ops' && last.phase === row.phase) {
      last.ids.push(...row.ids);
    } else {
      out.push(row.kind === 'ops' ? { ...row, ids: [...row.ids], flagged: [] } : row);
    }
  }
  return out;
}

/** Replaces stretches far from any fault or flagged op by one `gap` row. */
function elide(rows: readonly TimelineRow[], maxRows: number): TimelineRow[] {
  if (rows.length <= maxRows) return [...rows];
  const keep = rows.map((_, index) => index < CONTEXT || index >= rows.length - CONTEXT);
  rows.forEach((row, index) => {
    const marked = row.kind === 'fault' || (row.kind === 'ops' && row.flagged.length > 0) || (row.kind === 'target' && row.bad);
    if (!marked) return;
    for (let near = Math.max(0, index - CONTEXT); near <= Math.min(rows.length - 1, index + CONTEXT); near++) keep[near] = true;
  });
  const out: TimelineRow[] = [];
  let hidden = 0;
  rows.forEach((row, index) => {
    if (keep[index]) {
      if (hidden > 0) out.push({ kind: 'gap', at: row.at, hidden });
      hidden = 0;
      out.push(row);
    } else hidden++;
  });
  return out;
}

/**
 * The timeline of a run, condensed, anomalous ops flagged.
 * @param maxRows above this, quiet stretches are elided (faults and flagged ops always stay).
 */
export function timelineRows(run: RunResult, anomalies: readonly Anomaly[], maxRows = 250): TimelineRow[] {
  const flagged = flaggedOps(anomalies);
  const rows = condense(rawRows(run));
  for (const row of rows) {
    if (row.kind !== 'ops') continue;
    for (const id of row.ids) {
      const kind = flagged.get(id);
      if (kind) row.flagged.push({ id, kind });
    }
  }
  return elide(rows, maxRows);
}
