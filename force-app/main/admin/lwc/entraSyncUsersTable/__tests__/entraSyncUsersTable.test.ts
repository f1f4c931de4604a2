import { createElement } from 'lwc';
import EntraSyncUsersTable from 'c/entraSyncUsersTable';
import getUsers from '@salesforce/apex/EntraSyncAdminController.getUsers';
import USER_PAGE from './data/userPage.json';
import USER_PAGE_EMPTY from './data/userPageEmpty.json';
import { byDataId, flushPromises, inCardState, resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getUsers', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Users_PageInfo', () => ({ default: 'Page {0} of {1} · {2} users' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Users_LastChange', () => ({ default: '{0} · {1} · {2}' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Users_LastChangeFailed', () => ({ default: '{0} failed ({1}) · {2}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Users_EmployeeSince', () => ({ default: '{0} · {1} since {2}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Users_EmployeeUntil', () => ({ default: '{0} · {1} {2} – {3}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Users_NoEmployee', () => ({ default: 'No Employee record' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Users_NoChange', () => ({ default: 'No change recorded' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Common_KindInternal', () => ({ default: 'Internal' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Common_KindExternal', () => ({ default: 'External' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Common_KindUnifiedEmployee', () => ({ default: 'Unified Employee' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Users_Inactive', () => ({ default: 'Inactive' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Users_Frozen', () => ({ default: 'Frozen' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Common_Active', () => ({ default: 'Active' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Common_EntraObjectId', () => ({ default: 'Entra object id: {0}' }), {
  virtual: true,
});

const mockGetUsers = getUsers as unknown as jest.Mock;

type Column = { fieldName: string; type: string; label: string; initialWidth?: number };
type TableElement = HTMLElement & { data: Record<string, unknown>[]; columns: Column[] };

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-entra-sync-users-table', { is: EntraSyncUsersTable });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

function rowOf(element: HTMLElement, name: string): Record<string, unknown> {
  return byDataId<TableElement>(element, 'users-table').data.find((row) => row.name === name)!;
}

describe('c-entra-sync-users-table rendering', () => {
  afterEach(() => {
    resetDom();
  });

  it('asks for the first page of all users', async () => {
    mockGetUsers.mockResolvedValue(USER_PAGE);
    const element = await mount();

    expect(mockGetUsers).toHaveBeenCalledWith({ search: '', filter: 'all', pageSize: 25, pageNumber: 1 });
    expect(byDataId(element, 'page-info').textContent).toBe('Page 1 of 3 · 60 users');
    expect(byDataId<HTMLElement & { value: string }>(element, 'filter').value).toBe('all');
  });

  it('shows people by name and username, the Entra object id only on hover', async () => {
    mockGetUsers.mockResolvedValue(USER_PAGE);
    const element = await mount();

    const table = byDataId<TableElement>(element, 'users-table');
    expect(table.columns.slice(0, 2).map((column) => column.fieldName)).toEqual(['name', 'username']);
    expect(table.columns[0].type).toBe('textWithTitle');
    const alice = rowOf(element, 'Alice Anders');
    expect(alice.username).toBe('alice.anders@pinnaclefg.com');
    expect(alice.objectIdTitle).toBe('Entra object id: 1b2c3d4e-0000-4000-8000-000000000001');
    const shown = table.columns.map((column) => String(alice[column.fieldName] ?? ''));
    expect(shown.join(' ')).not.toContain('1b2c3d4e');
  });

  it('names the licence kind and the state, frozen and inactive marked', async () => {
    mockGetUsers.mockResolvedValue(USER_PAGE);
    const element = await mount();

    expect(rowOf(element, 'Alice Anders')).toMatchObject({
      licenceText: 'Internal',
      stateText: 'Active',
      stateIcon: 'utility:success',
    });
    expect(rowOf(element, 'Carol Cole')).toMatchObject({ stateText: 'Active · Frozen', stateIcon: 'utility:lock' });
    expect(rowOf(element, 'Dan Partner')).toMatchObject({
      licenceText: 'External',
      stateText: 'Inactive',
      stateIcon: 'utility:ban',
      stateClass: 'slds-text-color_error',
    });
    expect(rowOf(element, 'Erin Service').licenceText).toBe('Unified Employee');
  });

  it("shows a Unified Employee user's chain: Person Account, Employee2 number, status and dates", async () => {
    mockGetUsers.mockResolvedValue(USER_PAGE);
    const element = await mount();

    const fields = byDataId<TableElement>(element, 'users-table').columns.map((column) => column.fieldName);
    expect(fields).toContain('personAccountText');
    expect(fields).toContain('employeeText');
    const erin = rowOf(element, 'Erin Service');
    expect(erin.personAccountText).toBe('Erin Service');
    expect(erin.personAccountTitle).toBe('001000000000004AAA');
    expect(erin.employeeText).toMatch(/^E-2001 · Active since .*2026$/);
    expect(erin.employeeText).toContain('2');
    expect(rowOf(element, 'Finn Leaver').employeeText).toMatch(/^E-2002 · Terminated .+ – .+2026$/);
    expect(rowOf(element, 'Gia New').employeeText).toBe('No Employee record');
    expect(rowOf(element, 'Alice Anders').employeeText).toBe('');
  });

  it('shows the latest change, a failure with its code, message and run', async () => {
    mockGetUsers.mockResolvedValue(USER_PAGE);
    const element = await mount();

    expect(rowOf(element, 'Alice Anders').lastChangeText).toMatch(/^Update · Applied · .+/);
    const carol = rowOf(element, 'Carol Cole');
    expect(carol.lastChangeText).toMatch(/^Freeze failed \(CANNOT_DEACTIVATE\) · .+/);
    expect(carol.lastChangeTitle).toBe('RUN-000002: The user is the default workflow user.');
    expect(carol).toMatchObject({ lastChangeIcon: 'utility:error', lastChangeClass: 'slds-text-color_error' });
    expect(rowOf(element, 'Dan Partner').lastChangeText).toBe('No change recorded');
  });

  it('leaves the chain columns out where the org has no Unified Employee feature', async () => {
    mockGetUsers.mockResolvedValue({ ...USER_PAGE, employeeFeature: false });
    const element = await mount();

    const fields = byDataId<TableElement>(element, 'users-table').columns.map((column) => column.fieldName);
    expect(fields).toEqual(['name', 'username', 'licenceText', 'stateText', 'lastChangeText']);
  });

  it('gives the short columns fixed widths so their headers stay whole', async () => {
    mockGetUsers.mockResolvedValue(USER_PAGE);
    const element = await mount();

    const columns = byDataId<TableElement>(element, 'users-table').columns;
    const fixed = columns.filter((column) => column.initialWidth).map((column) => column.fieldName);
    expect(fixed).toEqual(['licenceText', 'stateText']);
  });

  it('says the sync manages no users yet', async () => {
    mockGetUsers.mockResolvedValue(USER_PAGE_EMPTY);
    const element = await mount();

    expect(inCardState(element, 'empty')!.textContent).toBe('c.EntraSync_Users_Empty');
    expect(byDataId(element, 'users-table')).toBeNull();
    expect(byDataId(element, 'search')).not.toBeNull();
  });

  it('shows the load error and loads again on retry', async () => {
    mockGetUsers.mockRejectedValueOnce({ body: { message: 'ENTRASYNC_BAD_FILTER: nope' } });
    mockGetUsers.mockResolvedValue(USER_PAGE);
    const element = await mount();

    expect(inCardState(element, 'error-message')!.textContent).toBe('ENTRASYNC_BAD_FILTER: nope');
    inCardState(element, 'retry')!.dispatchEvent(new CustomEvent('click'));
    await flushPromises();
    expect(inCardState(element, 'load-error')).toBeNull();
    expect(byDataId<TableElement>(element, 'users-table').data).toHaveLength(6);
  });

  it('is accessible', async () => {
    mockGetUsers.mockResolvedValue(USER_PAGE);
    const element = await mount();
    await expect(element).toBeAccessible();
  });

  it('is accessible when empty', async () => {
    mockGetUsers.mockResolvedValue(USER_PAGE_EMPTY);
    const element = await mount();
    await expect(element).toBeAccessible();
  });
});
