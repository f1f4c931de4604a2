import { createElement } from 'lwc';
import EntraSyncRunHistory from 'c/entraSyncRunHistory';
import getRuns from '@salesforce/apex/EntraSyncAdminController.getRuns';
import RUN_PAGE from './data/runPage.json';
import { byDataId, flushPromises, resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getRuns', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Counts_Created', () => ({ default: '{0} created' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Counts_Frozen', () => ({ default: '{0} frozen' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Counts_Adopted', () => ({ default: '{0} adopted' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Counts_Failed', () => ({ default: '{0} failed' }), { virtual: true });

const mockGetRuns = getRuns as unknown as jest.Mock;

type TableElement = HTMLElement & {
  data: Record<string, unknown>[];
  columns: { fieldName: string; initialWidth?: number; wrapText?: boolean }[];
};

describe('c-entra-sync-run-history columns', () => {
  afterEach(() => {
    resetDom();
  });

  it('sizes every short column and names every action in one wrapping Changes column', async () => {
    const run = { ...RUN_PAGE.runs[0], created: 2, updated: 0, deactivated: 0, frozen: 1, adopted: 4, failed: 1 };
    mockGetRuns.mockResolvedValue({ ...RUN_PAGE, hasActiveRun: false, runs: [run] });
    const element = document.body.appendChild(createElement('c-entra-sync-run-history', { is: EntraSyncRunHistory }));
    await flushPromises();

    const table = byDataId<TableElement>(element, 'runs-table');
    expect(table.data[0].countsText).toBe('2 created · 1 frozen · 4 adopted · 1 failed');
    const changes = table.columns.find((column) => column.fieldName === 'countsText')!;
    expect(changes.wrapText).toBe(true);
    const unsized = table.columns.filter((column) => !column.initialWidth).map((column) => column.fieldName);
    expect(unsized).toEqual(['countsText']);
    await expect(element).toBeAccessible();
  });
});
