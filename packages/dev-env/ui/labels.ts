/** Reads Custom Labels (`*.labels-meta.xml`) from force-app, for the `@salesforce/label/c.*` shim. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export function readCustomLabels(forceAppDir: string): Map<string, string> {
  const labels = new Map<string, string>();
  const parser = new XMLParser({ isArray: (name) => name === 'labels', parseTagValue: false });
  for (const file of findLabelFiles(forceAppDir)) {
    const xml = parser.parse(readFileSync(file, 'utf8')) as {
      CustomLabels?: { labels?: { fullName: string; value: string }[] };
    };
    for (const label of xml.CustomLabels?.labels ?? []) labels.set(String(label.fullName), String(label.value ?? ''));
  }
  return labels;
}

function findLabelFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) found.push(...findLabelFiles(full));
    else if (entry.endsWith('.labels-meta.xml')) found.push(full);
  }
  return found;
}
