/**
 * Source positions of a parsed YAML/JSON document, keyed by field path (`faults[0].at.bytes`),
 * so that every issue can name its `line:column` and reporters can point into the file.
 *
 *   workload:            values["workload"]           → 2:3 (the mapping starts at its first key)
 *     messages: ten      keys["workload.messages"]    → 3:3
 *                        values["workload.messages"]  → 3:13
 */
import { isMap, isNode, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { ScenarioIssue } from './issues.js';

/** A 1-based line and column. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Where each field of a scenario file stands. `values['']` is the document itself. */
export interface SourcePositions {
  values: Map<string, SourcePosition>;
  keys: Map<string, SourcePosition>;
}

/** Maps every key and sequence item of `document` to its position. */
export function mapPositions(document: Document, lineCounter: LineCounter): SourcePositions {
  const values = new Map<string, SourcePosition>();
  const keys = new Map<string, SourcePosition>();
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const start = (node: unknown): SourcePosition | undefined => (isNode(node) && node.range ? at(node.range[0]) : undefined);
  const walk = (node: unknown, path: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const child = path === '' ? String(pair.key.value) : `${path}.${String(pair.key.value)}`;
        const keyPosition = start(pair.key);
        if (keyPosition) keys.set(child, keyPosition);
        // `key:` with nothing after it has an empty value node; the key is the better place.
        const empty = isScalar(pair.value) && pair.value.value === null && pair.value.source === '';
        const valuePosition = (empty ? undefined : start(pair.value)) ?? keyPosition;
        if (valuePosition) values.set(child, valuePosition);
        walk(pair.value, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const child = `${path}[${index}]`;
        const position = start(item);
        if (position) values.set(child, position);
        walk(item, child);
      });
    }
  };
  values.set('', start(document.contents) ?? { line: 1, column: 1 });
  walk(document.contents, '');
  return { values, keys };
}

/** `faults[1].at` → `faults[1]` → `faults` → `` */
function parentPath(path: string): string {
  const last = /(?:\.[^.[\]]*|\[\d+\])$/.exec(path);
  return last ? path.slice(0, last.index) : '';
}

/** The position that fits an issue: its key, its value, or the nearest enclosing field found. */
export function locate(issue: ScenarioIssue, positions: SourcePositions): SourcePosition | undefined {
  if (issue.at === 'key') {
    const position = positions.keys.get(issue.path);
    if (position) return position;
  }
  let path = issue.at === 'missing' ? parentPath(issue.path) : issue.path;
  for (;;) {
    const position = positions.values.get(path);
    if (position || path === '') return position;
    path = parentPath(path);
  }
}
