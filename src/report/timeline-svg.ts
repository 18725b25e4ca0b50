/**
 * The failure timeline as an inline SVG sequence diagram, for the HTML report:
 *
 *      +ms │ client            proxy             server
 *     +1.2 │   ●─── c1 ↑ bytes 0–211 (211 B) ──────▶│        data, merged per direction
 *     +1.6 │   │◀── c1 ↓ bytes 0–4 (4 B) ───────────●
 *     +1.7 │   │                 ◆ reset both sides at 4 bytes downstream on connection 1
 *     +1.8 │   │◀─ RST c1 ───────│                           closes, by whom
 *     +2.0 │ ok r1-m1-1 …  (highlighted when lost / duplicated)
 *
 * No script, no external reference, no xmlns: inline SVG in HTML5 needs none, and the
 * page must open offline. Markers are referenced by fragment (`url(#…)`) only.
 */
import { escapeHtml } from './escape.js';
import type { TimelineRow } from './timeline-rows.js';
import { formatCount } from './words.js';

const ROW = 22;
const TOP = 44;
const LANES = { client: 190, proxy: 480, server: 770 } as const;
const WIDTH = 1180;
const MAX_LABEL = 110;

/** Colour per anomaly kind: the two the issue names first (lost, duplicated) stand out most. */
export const ANOMALY_COLOURS: Readonly<Record<string, string>> = {
  lost: '#d62728',
  duplicated: '#ff7f0e',
  unexpected: '#9467bd',
  'failed-but-applied': '#8c564b',
  reordered: '#17becf',
};

function text(x: number, y: number, label: string, options: { anchor?: 'start' | 'middle' | 'end'; cls?: string; fill?: string } = {}): string {
  const shown = label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
  const title = shown === label ? '' : `<title>${escapeHtml(label)}</title>`;
  const attributes = [
    `x="${x}"`,
    `y="${y}"`,
    `text-anchor="${options.anchor ?? 'start'}"`,
    options.cls ? `class="${options.cls}"` : '',
    options.fill ? `fill="${options.fill}"` : '',
  ].filter(Boolean);
  return `<text ${attributes.join(' ')}>${title}${escapeHtml(shown)}</text>`;
}

function arrow(from: number, to: number, y: number, cls: string): string {
  return `<line x1="${from}" y1="${y}" x2="${to}" y2="${y}" class="${cls}" marker-end="url(#sf-arrow)"/>`;
}

function ids(list: readonly string[], max = 4): string {
  return list.length <= max ? list.join(', ') : `${list.slice(0, max).join(', ')} … (+${list.length - max})`;
}

function legX(side: 'client' | 'server'): number {
  return side === 'client' ? LANES.client : LANES.server;
}

/** The SVG elements of one row at baseline `y`. */
function drawRow(row: TimelineRow, y: number): string {
  const mid = y - 4;
  switch (row.kind) {
    case 'open':
      return `<line x1="${LANES.client}" y1="${mid}" x2="${LANES.server}" y2="${mid}" class="sf-open"/>${text(LANES.proxy, y - 7, `c${row.connection} open`, { anchor: 'middle', cls: 'sf-note' })}`;
    case 'refused':
      return `${text(LANES.proxy, y, `✕ c${row.connection} refused at accept`, { anchor: 'middle', cls: 'sf-fault' })}`;
    case 'data': {
      const up = row.direction === 'upstream';
      const range = `${formatCount(row.from)}–${formatCount(row.to)} (${formatCount(row.to - row.from)} B${row.chunks > 1 ? `, ${row.chunks} chunks` : ''})`;
      const label = `c${row.connection} ${up ? '↑' : '↓'} bytes ${range}`;
      const [from, to] = up ? [LANES.client, LANES.server] : [LANES.server, LANES.client];
      return `${arrow(from, to, mid, up ? 'sf-up' : 'sf-down')}${text((LANES.client + LANES.server) / 2, y - 7, label, { anchor: 'middle', cls: 'sf-label' })}`;
    }
    case 'fault': {
      const where = row.offset === undefined ? '' : ` [byte ${formatCount(row.offset)}${row.direction ? ` ${row.direction}` : ''}]`;
      const diamond = `<path d="M${LANES.proxy} ${mid - 7}l7 7l-7 7l-7 -7z" class="sf-fault-mark"/>`;
      return `<rect x="0" y="${y - ROW + 6}" width="${WIDTH}" height="${ROW}" class="sf-fault-band"/>${diamond}${text(LANES.proxy + 12, y, `⚡ ${row.description}${where}`, { cls: 'sf-fault' })}`;
    }
    case 'fin':
    case 'close': {
      const leg = legX(row.side);
      const [from, to] = row.by === 'peer' ? [leg, LANES.proxy] : [LANES.proxy, leg];
      const what = row.kind === 'fin' ? 'FIN' : row.how === 'rst' ? 'RST' : row.how === 'error' ? `error ${row.code ?? ''}`.trim() : 'closed';
      const cls = row.kind === 'close' && row.how !== 'fin' ? 'sf-rst' : 'sf-fin';
      const label = `${what} c${row.connection} ${row.side} leg${row.by === 'proxy' ? ' (by proxy)' : ''}`;
      return `${arrow(from, to, mid, cls)}${text((from + to) / 2, y - 7, label, { anchor: 'middle', cls: 'sf-label' })}`;
    }
    case 'ops': {
      const colour = row.flagged[0] ? ANOMALY_COLOURS[row.flagged[0].kind] : undefined;
      const band = colour ? `<rect x="0" y="${y - ROW + 6}" width="${WIDTH}" height="${ROW}" fill="${colour}" class="sf-flag-band"/>` : '';
      const kinds = [...new Set(row.flagged.map((flag) => flag.kind))];
      const flaggedText = kinds.map((kind) => `${kind}: ${ids(row.flagged.filter((flag) => flag.kind === kind).map((flag) => flag.id), 3)}`);
      const label = `${row.phase} ${ids(row.ids)}${flaggedText.length ? ` ⚠ ${flaggedText.join('; ')}` : ''}`;
      const dot = `<circle cx="${LANES.client}" cy="${mid}" r="4" class="${row.phase === 'invoke' ? 'sf-invoke' : `sf-${row.phase}`}"/>`;
      return `${band}${dot}${text(LANES.client + 10, y, label, { cls: colour ? 'sf-flagged' : 'sf-op', ...(colour ? { fill: colour } : {}) })}`;
    }
    case 'target':
      return `<circle cx="${LANES.server}" cy="${mid}" r="5" class="${row.bad ? 'sf-bad' : 'sf-target'}"/>${text(LANES.server - 10, y, row.text, { anchor: 'end', cls: row.bad ? 'sf-fault' : 'sf-note' })}`;
    case 'gap':
      return text(LANES.proxy, y, `… ${formatCount(row.hidden)} rows without faults or anomalies not drawn (see the history table) …`, { anchor: 'middle', cls: 'sf-note' });
  }
}

/**
 * The SVG of a timeline.
 * @param origin epoch ms that the `+ms` column counts from (the run's start).
 */
export function timelineSvg(rows: readonly TimelineRow[], origin: number): string {
  const height = TOP + rows.length * ROW + 16;
  const lanes = (['client', 'proxy', 'server'] as const)
    .map((lane) => `<line x1="${LANES[lane]}" y1="${TOP - 10}" x2="${LANES[lane]}" y2="${height - 8}" class="sf-lane"/>${text(LANES[lane], 20, lane, { anchor: 'middle', cls: 'sf-lane-name' })}`)
    .join('');
  const body = rows
    .map((row, index) => {
      const y = TOP + (index + 1) * ROW - 6;
      const time = row.kind === 'gap' ? '' : text(64, y, `+${(row.at - origin).toFixed(1)}`, { anchor: 'end', cls: 'sf-time' });
      return `<g class="sf-row-${row.kind}">${drawRow(row, y)}${time}</g>`;
    })
    .join('\n');
  return [
    `<svg class="sf-timeline" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="timeline of the failing run">`,
    '<defs><marker id="sf-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#555"/></marker></defs>',
    text(64, 20, 'ms', { anchor: 'end', cls: 'sf-lane-name' }),
    lanes,
    body,
    '</svg>',
  ].join('\n');
}
