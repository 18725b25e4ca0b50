/** The inline stylesheet of the HTML report (no web fonts, no imports: it must work offline). */
export const HTML_STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #1d1d1f; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
code, pre, .sf-timeline text { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
pre { background: #f6f8fa; padding: 10px; overflow: auto; max-height: 420px; }
.badge { font-size: 13px; padding: 2px 8px; border-radius: 10px; color: #fff; vertical-align: middle; }
.badge.failed, .badge.errored { background: #d62728; }
.badge.held { background: #2ca02c; }
.headline { font-weight: 600; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0; }
.facts dt { color: #666; }
.facts dd { margin: 0; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
tr.flagged { background: #fff4f0; }
.scroll { overflow: auto; border: 1px solid #eee; }
.legend { font-size: 12px; color: #444; }
.key.sf-up { color: #1f77b4; } .key.sf-down { color: #2ca02c; } .key.sf-fault, .key.sf-rst, .key.lost { color: #d62728; }
.key.sf-fin { color: #7f7f7f; } .key.duplicated { color: #ff7f0e; }
.sf-timeline text { font-size: 11px; fill: #333; }
.sf-timeline .sf-label, .sf-timeline .sf-note, .sf-timeline .sf-op, .sf-timeline .sf-flagged, .sf-timeline .sf-fault { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.sf-timeline .sf-lane { stroke: #bbb; stroke-width: 2; }
.sf-timeline .sf-lane-name { font-size: 13px; font-weight: 700; }
.sf-timeline .sf-time { fill: #888; }
.sf-timeline .sf-up { stroke: #1f77b4; stroke-width: 1.5; }
.sf-timeline .sf-down { stroke: #2ca02c; stroke-width: 1.5; }
.sf-timeline .sf-fin { stroke: #7f7f7f; stroke-dasharray: 4 3; }
.sf-timeline .sf-rst { stroke: #d62728; stroke-width: 2; stroke-dasharray: 6 2; }
.sf-timeline .sf-open { stroke: #ccc; stroke-dasharray: 1 3; }
.sf-timeline .sf-note { fill: #777; font-style: italic; }
.sf-timeline .sf-fault { fill: #d62728; font-weight: 700; }
.sf-timeline .sf-fault-mark { fill: #d62728; }
.sf-timeline .sf-fault-band { fill: #d62728; opacity: 0.08; }
.sf-timeline .sf-flag-band { opacity: 0.12; }
.sf-timeline .sf-flagged { font-weight: 700; }
.sf-timeline .sf-invoke { fill: #fff; stroke: #555; }
.sf-timeline .sf-ok { fill: #2ca02c; } .sf-timeline .sf-fail { fill: #7f7f7f; } .sf-timeline .sf-info { fill: #ff7f0e; }
.sf-timeline .sf-bad { fill: #d62728; } .sf-timeline .sf-target { fill: #7f7f7f; }
`;
