import { describe, expect, it } from '@jest/globals';
import { formatHtml, formatHtmlPages } from '../../../src/report/html.js';
import { timelineRows } from '../../../src/report/timeline-rows.js';
import { timelineSvg } from '../../../src/report/timeline-svg.js';
import type { TransportEvent } from '../../../src/proxy/transport-log.js';
import { DUPLICATED, LOST, T0, failingReport, makeRun } from './fixtures.js';

describe('timeline rows', () => {
  it('merges consecutive data events per connection and direction into byte ranges', () => {
    const rows = timelineRows(makeRun(), [LOST, DUPLICATED]);
    const data = rows.filter((row) => row.kind === 'data');
    expect(data).toEqual([
      { kind: 'data', at: T0 + 2, connection: 1, direction: 'upstream', from: 0, to: 30, chunks: 3 },
      { kind: 'data', at: T0 + 2.2, connection: 2, direction: 'upstream', from: 0, to: 7, chunks: 1 },
    ]);
  });

  it('keeps time order and puts the fault at its offset, after the bytes before it', () => {
    const kinds = timelineRows(makeRun(), []).map((row) => row.kind);
    expect(kinds.indexOf('fault')).toBeGreaterThan(kinds.indexOf('data'));
    const fault = timelineRows(makeRun(), []).find((row) => row.kind === 'fault');
    expect(fault).toMatchObject({ offset: 30, direction: 'upstream', connection: 1 });
  });

  it('flags the ops of anomalies', () => {
    const flagged = timelineRows(makeRun(), [LOST, DUPLICATED]).flatMap((row) => (row.kind === 'ops' ? row.flagged : []));
    expect(flagged).toEqual(
      expect.arrayContaining([
        { id: 'r1-m1-2', kind: 'lost' },
        { id: 'r1-m2-1', kind: 'duplicated' },
      ]),
    );
  });

  it('elides quiet stretches of a long run but keeps the fault and its surroundings', () => {
    const chatter: TransportEvent[] = [];
    for (let i = 0; i < 400; i++) {
      // Alternating directions on one connection: nothing merges, one row each.
      chatter.push({ type: 'data', at: T0 + 10 + i, connection: 2, direction: i % 2 ? 'downstream' : 'upstream', offset: i * 5, length: 5 });
    }
    const run = makeRun();
    const rows = timelineRows({ ...run, transportLog: [...run.transportLog, ...chatter] }, [], 100);
    expect(rows.length).toBeLessThanOrEqual(100);
    expect(rows.some((row) => row.kind === 'fault')).toBe(true);
    expect(rows.find((row) => row.kind === 'gap')).toMatchObject({ hidden: expect.any(Number) });
  });
});

describe('timeline SVG and HTML page', () => {
  it('draws three lanes, arrows with byte ranges, the fault marker and RST/FIN closes', () => {
    const svg = timelineSvg(timelineRows(makeRun(), [LOST, DUPLICATED]), T0);
    expect(svg.startsWith('<svg class="sf-timeline"')).toBe(true);
    for (const text of ['>client<', '>proxy<', '>server<', 'c1 ↑ bytes 0–30 (30 B, 3 chunks)', 'reset both sides at 30 bytes upstream on connection 1 [byte 30 upstream]', 'RST c1 client leg (by proxy)', 'FIN c2 client leg', '⚠ lost: r1-m1-2']) {
      expect(svg).toContain(text);
    }
    expect(svg).not.toContain('xmlns');
  });

  it('a self-contained page: escaped run data, no URL, no script', () => {
    const html = formatHtml(failingReport({ name: 'x<script>alert(1)</script>' }));
    expect(html).toContain('<svg');
    expect(html).toContain('x&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b &amp; &quot;c&quot;&gt;');
    // The target printed a URL: it is shown, but not as a URL literal.
    expect(html).toContain('listening on http&#58;//127.0.0.1:4000');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|\ssrc=|\shref=/i);
  });

  it('one page per scenario that did not hold, with unique safe file names', () => {
    const pages = formatHtmlPages([failingReport({ name: 'a/b' }), failingReport({ name: 'a/b' }), failingReport({ held: true })]);
    expect(pages.map((page) => page.fileName)).toEqual(['a-b.html', 'a-b-2.html']);
  });
});
