/**
 * Scenario text → plain data plus the position of every field. YAML is read as data only:
 * no custom tags, no tags at all, no anchors or aliases, so nothing in a file can build
 * objects or repeat itself; modules are imported only when the user named one explicitly.
 *
 *   .yaml  parseDocument (YAML 1.2 core) ─ syntax errors, tags, anchors → ERR_SCENARIO_READ
 *   .json  JSON.parse for the data (exact JSON semantics), the YAML parser for positions
 *   .ts    import() → default export or `scenario` (no positions)
 */
import { importModule } from '../import-module.js';
import { LineCounter, isAlias, isNode, isScalar, parseDocument, visit, type Document } from 'yaml';
import { hasCode } from '../errors.js';
import { mapPositions, type SourcePosition, type SourcePositions } from './positions.js';
import { scenarioReadError, type ReadProblem } from './scenario-error.js';

/** A scenario file's data and, for text formats, where each field stands. */
export interface ParsedSource {
  data: unknown;
  positions?: SourcePositions;
}

function readDocument(text: string): { document: Document; at: (offset: number) => SourcePosition; positions: () => SourcePositions } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { customTags: [], lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return { document, at, positions: () => mapPositions(document, lineCounter) };
}

/** `tag:yaml.org,2002:js/function` → `!!js/function`, as it was written. */
function writtenTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/** Tags, anchors, aliases and non-scalar keys: what turns YAML from data into a program or a graph. */
function forbiddenConstructs(document: Document, text: string, at: (offset: number) => SourcePosition): ReadProblem[] {
  const problems: ReadProblem[] = [];
  // The tag or anchor is written before the node; find it in the text to point at it.
  const marker = (written: string, node: { range?: [number, number, number] | null }): SourcePosition => {
    const start = node.range?.[0] ?? 0;
    const index = text.lastIndexOf(written, start);
    const near = index >= 0 && text.slice(index, start).split('\n').length <= 2;
    return at(near ? index : start);
  };
  visit(document, {
    Alias: (_, node) => {
      problems.push({ position: marker(`*${node.source}`, node), message: `aliases are not allowed in scenario files (found *${node.source})` });
    },
    Pair: (_, pair) => {
      if (isNode(pair.key) && !isScalar(pair.key)) {
        problems.push({ position: marker('?', pair.key), message: 'keys must be plain scalars, not collections' });
      }
    },
    Node: (_, node) => {
      if (isAlias(node)) return;
      if (node.tag) {
        const tag = writtenTag(node.tag);
        problems.push({ position: marker(tag, node), message: `tags are not allowed in scenario files (found ${tag})` });
      }
      if (node.anchor) {
        problems.push({ position: marker(`&${node.anchor}`, node), message: `anchors are not allowed in scenario files (found &${node.anchor})` });
      }
    },
  });
  return problems;
}

/** Parses a YAML scenario file. @throws ERR_SCENARIO_READ with line:column. */
export function parseYamlSource(text: string, label: string): ParsedSource {
  const { document, at, positions } = readDocument(text);
  const syntax = document.errors.map((error) => ({
    position: at(error.pos[0]),
    // yaml's own advice here is for its API, not for someone editing a scenario.
    message: error.code === 'MULTIPLE_DOCS' ? 'a scenario file holds one YAML document (found a second one)' : `invalid YAML: ${error.message}`,
  }));
  if (syntax.length > 0) throw scenarioReadError(label, syntax, document.errors[0]);
  const problems = forbiddenConstructs(document, text, at);
  // An unresolved tag also warns; the tag itself is reported above.
  for (const warning of document.warnings) {
    if (warning.code !== 'TAG_RESOLVE_FAILED') problems.push({ position: at(warning.pos[0]), message: `invalid YAML: ${warning.message}` });
  }
  if (problems.length > 0) throw scenarioReadError(label, problems);
  return { data: document.toJS(), positions: positions() };
}

function positionOfOffset(text: string, offset: number): SourcePosition {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** Parses a JSON scenario file. @throws ERR_SCENARIO_READ with line:column. */
export function parseJsonSource(text: string, label: string): ParsedSource {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = /at position (\d+)/.exec(message)?.[1];
    const position = positionOfOffset(text, offset === undefined ? text.length : Number(offset));
    throw scenarioReadError(label, [{ position, message: `invalid JSON: ${message.replace(/ in JSON at position.*$/, '')}` }], error);
  }
  // JSON is YAML, so the YAML parser gives the positions; it also catches duplicate keys,
  // which JSON.parse would silently resolve to the last one.
  const { document, at, positions } = readDocument(text);
  const duplicates = document.errors.filter((error) => error.code === 'DUPLICATE_KEY');
  if (duplicates.length > 0) {
    throw scenarioReadError(label, duplicates.map((error) => ({ position: at(error.pos[0]), message: `invalid JSON: ${error.message}` })));
  }
  return document.errors.length > 0 ? { data } : { data, positions: positions() };
}

/**
 * Imports a scenario module (`defineScenario({...})` as default export, or `scenario`).
 * @throws ERR_SCENARIO_READ when it cannot be imported or exports no scenario.
 */
export async function importScenarioModule(file: string, label: string): Promise<ParsedSource> {
  let module: { default?: unknown; scenario?: unknown };
  try {
    module = (await importModule(file)) as typeof module;
  } catch (error) {
    throw scenarioReadError(label, [{ message: `cannot import the scenario module: ${(error as Error).message}` }], error);
  }
  const data = module.default ?? module.scenario;
  if (data === undefined) {
    throw scenarioReadError(label, [{ message: 'the module exports no scenario (expected a default export or `scenario`)' }]);
  }
  return { data };
}
