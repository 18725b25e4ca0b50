/**
 * A tiny XML well-formedness checker for the JUnit tests (no XML library in the project):
 * one prolog, one root, every start tag closed in order, attributes quoted and unique,
 * only the five predefined entities or character references, no stray `<` or `&`.
 * Returns the elements found, to assert the structure.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const ATTRIBUTE = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/;
const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/;

function decode(text: string): string {
  if (ENTITY.test(text)) throw new Error(`bad entity in ${JSON.stringify(text.slice(0, 60))}`);
  return text
    .replace(/&#x([\da-fA-F]+);/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

/** Parses `xml`; throws with the reason when it is not well-formed. */
export function parseXml(xml: string): XmlElement {
  let rest = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const text = lt === -1 ? rest : rest.slice(0, lt);
    if (text.trim() !== '') {
      const parent = stack.at(-1);
      if (!parent) throw new Error(`text outside the root: ${JSON.stringify(text.slice(0, 40))}`);
      parent.text += decode(text);
    }
    if (lt === -1) break;
    rest = rest.slice(lt);
    if (rest.startsWith('</')) {
      const match = /^<\/([A-Za-z_][\w.-]*)\s*>/.exec(rest);
      const open = stack.pop();
      if (!match || !open || open.name !== match[1]) throw new Error(`mismatched end tag ${rest.slice(0, 40)} (open: ${open?.name})`);
      rest = rest.slice(match[0].length);
      continue;
    }
    const name = NAME.exec(rest.slice(1))?.[0];
    if (!name) throw new Error(`bad tag at ${JSON.stringify(rest.slice(0, 40))}`);
    rest = rest.slice(1 + name.length);
    const element: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (let attribute = ATTRIBUTE.exec(rest); attribute; attribute = ATTRIBUTE.exec(rest)) {
      const key = attribute[1] as string;
      if (key in element.attributes) throw new Error(`duplicate attribute ${key} on <${name}>`);
      element.attributes[key] = decode(attribute[3] ?? attribute[4] ?? '');
      rest = rest.slice(attribute[0].length);
    }
    const close = /^\s*(\/?)>/.exec(rest);
    if (!close) throw new Error(`unterminated <${name}> at ${JSON.stringify(rest.slice(0, 40))}`);
    rest = rest.slice(close[0].length);
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else if (root) throw new Error('more than one root element');
    else root = element;
    if (close[1] !== '/') stack.push(element);
  }
  if (stack.length) throw new Error(`unclosed <${stack.map((element) => element.name).join('>, <')}>`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element named `name` under `element` (depth first, itself included). */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return [...(element.name === name ? [element] : []), ...element.children.flatMap((child) => findAll(child, name))];
}
