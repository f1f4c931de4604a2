import { createElement } from 'lwc';
import EntraSyncRunDatatable from 'c/entraSyncRunDatatable';
import { resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

describe('c-entra-sync-run-datatable', () => {
  afterEach(() => {
    resetDom();
  });

  it('declares the runStatus cell type rendered by the status badge and text with a hover title', () => {
    const customTypes = (
      EntraSyncRunDatatable as unknown as {
        customTypes: Record<string, { template: unknown; typeAttributes?: string[] }>;
      }
    ).customTypes;
    expect(Object.keys(customTypes)).toEqual(['runStatus', 'textWithTitle']);
    expect(typeof customTypes.runStatus.template).toBe('function');
    expect(typeof customTypes.textWithTitle.template).toBe('function');
    expect(customTypes.textWithTitle.typeAttributes).toEqual(['title']);
  });

  it('renders as a datatable and is accessible', async () => {
    const element = createElement('c-entra-sync-run-datatable', { is: EntraSyncRunDatatable }) as HTMLElement & {
      keyField: string;
      data: unknown[];
      columns: unknown[];
    };
    element.keyField = 'id';
    element.columns = [{ label: 'Status', fieldName: 'status', type: 'runStatus' }];
    element.data = [{ id: '1', status: 'Completed' }];
    document.body.appendChild(element);
    expect(element.data).toHaveLength(1);
    await expect(element).toBeAccessible();
  });
});
