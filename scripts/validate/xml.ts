import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

/** An XML element as parsed here: every child element is an array, leaf text is a string inside that array. */
export type XmlNode = { [tag: string]: XmlValue[] | undefined };
export type XmlValue = XmlNode | string;

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute,
});

/** Reads a metadata XML file and returns its root element (e.g. the `<Report>` node). */
export function readMetadataXml(file: string): XmlNode {
  const document = parser.parse(readFileSync(file, 'utf8')) as Record<string, XmlValue[]>;
  const rootTag = Object.keys(document).find((tag) => !tag.startsWith('?'));
  const root = rootTag ? document[rootTag]?.[0] : undefined;
  return typeof root === 'object' && root !== null ? root : {};
}

/** All elements at a path below `node` (`children(report, 'columns')`). */
export function children(node: XmlNode | undefined, ...path: string[]): XmlNode[] {
  let current: XmlValue[] = node ? [node] : [];
  for (const tag of path) {
    current = current.flatMap((value) => (typeof value === 'object' ? (value[tag] ?? []) : []));
  }
  return current.filter((value): value is XmlNode => typeof value === 'object');
}

/** All text values at a path (`texts(report, 'columns', 'field')`). */
export function texts(node: XmlNode | undefined, ...path: string[]): string[] {
  if (path.length === 0) return [];
  const parents = children(node, ...path.slice(0, -1));
  const last = path[path.length - 1] as string;
  return parents.flatMap((parent) =>
    (parent[last] ?? []).filter((value): value is string => typeof value === 'string'),
  );
}

export function text(node: XmlNode | undefined, ...path: string[]): string | undefined {
  return texts(node, ...path)[0];
}

/** Every text value of an element named `tag` at any depth (`deepTexts(flexiPage, 'componentName')`). */
export function deepTexts(node: XmlNode | undefined, tag: string): string[] {
  if (!node) return [];
  const found: string[] = [];
  for (const [childTag, values] of Object.entries(node)) {
    for (const value of values ?? []) {
      if (typeof value === 'string') {
        if (childTag === tag) found.push(value);
      } else {
        found.push(...deepTexts(value, tag));
      }
    }
  }
  return found;
}
