/**
 * What the admin-page browser tests measure on every screen, at the two sizes they check: column headers cut short
 * ("Tr…") and raw ids (an 18-character Salesforce record id or an Entra object GUID) standing in a visible table
 * where a name should be, and where the screenshots for a person go. Shared by the admin-page browser tests.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_DIR } from '../../packages/dev-env/ui/build.ts';

/** Screenshots for a person to look at (git-ignored). */
export const SCREENSHOTS = path.join(PROJECT_DIR, '.tmp', 'screenshots');

export const SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '1920x1080', width: 1920, height: 1080 },
] as const;

export type Size = (typeof SIZES)[number];

export const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

/**
 * Header texts whose content is wider than the space they have (the datatable then shows "Tr…"), shadow roots
 * included. A source string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
 */
const TRUNCATED_HEADERS = `(() => {
  const cut = [];
  const visit = (root) => {
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
    for (const header of root.querySelectorAll('th .slds-truncate, thead th')) {
      const text = (header.textContent || '').trim();
      if (!text || header.offsetParent === null) continue;
      if (header.scrollWidth > header.clientWidth + 1) cut.push(text);
    }
  };
  visit(document);
  return [...new Set(cut)];
})()`;

export async function truncatedHeaders(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(TRUNCATED_HEADERS);
}

/**
 * A function of a selector, as source: the text of every cell of every shown table inside the element it matches
 * (shadow roots included; tables kept for screen readers count), without the secondary detail a cell may carry under
 * a name (small grey text such as "Entra object id: …") and without hover titles. A string like TRUNCATED_HEADERS.
 */
const TABLE_CELLS = `((scope) => {
  const cells = [];
  const inScope = (element) => {
    for (let node = element; node; node = node.parentNode || node.host) {
      if (node.nodeType === Node.ELEMENT_NODE && node.matches(scope)) return true;
    }
    return false;
  };
  const primaryText = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent || '';
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    if (node.classList && node.classList.contains('slds-text-color_weak')) return '';
    const children = node.shadowRoot ? [...node.shadowRoot.childNodes, ...node.childNodes] : [...node.childNodes];
    return children.map(primaryText).join(' ');
  };
  const visit = (root) => {
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
    for (const table of root.querySelectorAll('table')) {
      if (table.offsetParent === null || !inScope(table)) continue;
      for (const cell of table.querySelectorAll('th, td')) {
        const text = primaryText(cell).replace(/\\s+/g, ' ').trim();
        if (text) cells.push(text);
      }
    }
  };
  visit(document);
  return cells;
})`;

const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** Whether an 18-character token is a Salesforce record id: its last three characters are the id's checksum. */
export function isSalesforceId(token: string): boolean {
  if (!/^[a-zA-Z0-9]{18}$/.test(token) || !/\d/.test(token)) return false;
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(token[chunk * 5 + i])) bits |= 1 << i;
    suffix += CHECKSUM_ALPHABET[bits];
  }
  return suffix.toLowerCase() === token.slice(15).toLowerCase();
}

/** Whether a text shows a raw Entra object id or an 18-character Salesforce id. */
export function showsRawId(text: string): boolean {
  return GUID.test(text) || (text.match(/\b[a-zA-Z0-9]{18}\b/g) ?? []).some(isSalesforceId);
}

/** Where the package's admin app is mounted on the local page (the local tenant and users panels are not). */
export const ADMIN_ROOT = '[data-id="admin-root"]';

/** The table cells within `scope` (the admin app by default) that show a raw id as their primary text. */
export async function rawIdsInTables(page: Page, scope = ADMIN_ROOT): Promise<string[]> {
  const cells = await page.evaluate<string[]>(`${TABLE_CELLS}(${JSON.stringify(scope)})`);
  return [...new Set(cells.filter(showsRawId))];
}

/** Saves the page; long lists (run detail) are saved as the first screen an admin sees. */
export async function shoot(page: Page, name: string, fullPage = true): Promise<string> {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage, timeout: 60_000 });
  return file;
}
