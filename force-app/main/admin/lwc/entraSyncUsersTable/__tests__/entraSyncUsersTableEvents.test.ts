import { createElement } from 'lwc';
import EntraSyncUsersTable from 'c/entraSyncUsersTable';
import getUsers from '@salesforce/apex/EntraSyncAdminController.getUsers';
import USER_PAGE from './data/userPage.json';
import USER_PAGE_EMPTY from './data/userPageEmpty.json';
import {
  byDataId,
  fireChange,
  flushPromises,
  inCardState,
  resetDom,
} from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getUsers', () => ({ default: jest.fn() }), { virtual: true });

const mockGetUsers = getUsers as unknown as jest.Mock;

type TableElement = HTMLElement & { data: Record<string, unknown>[] };
type UsersElement = HTMLElement & { refresh(): Promise<void>; pageSize: number };

async function mount(): Promise<UsersElement> {
  const element = createElement('c-entra-sync-users-table', { is: EntraSyncUsersTable }) as UsersElement;
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

function click(element: HTMLElement, id: string): void {
  byDataId(element, id).dispatchEvent(new CustomEvent('click'));
}

describe('c-entra-sync-users-table events', () => {
  afterEach(() => {
    resetDom();
  });

  it('searches on the server once the admin stops typing', async () => {
    jest.useFakeTimers();
    mockGetUsers.mockResolvedValue(USER_PAGE);
    const element = await mount();

    fireChange(element, 'search', { value: 'al' });
    jest.advanceTimersByTime(100);
    fireChange(element, 'search', { value: 'alice ' });
    jest.advanceTimersByTime(299);
    expect(mockGetUsers).toHaveBeenCalledTimes(1);

    jest.advanceTimersByTime(1);
    await flushPromises();
    expect(mockGetUsers).toHaveBeenCalledTimes(2);
    expect(mockGetUsers).toHaveBeenLastCalledWith({ search: 'alice', filter: 'all', pageSize: 25, pageNumber: 1 });
  });

  it('filters at once, from the first page', async () => {
    mockGetUsers.mockResolvedValue(USER_PAGE);
    const element = await mount();
    click(element, 'next');
    await flushPromises();

    fireChange(element, 'filter', { value: 'frozen' });
    await flushPromises();

    expect(mockGetUsers).toHaveBeenLastCalledWith({ search: '', filter: 'frozen', pageSize: 25, pageNumber: 1 });
  });

  it('says nothing matches when a search or filter finds no one', async () => {
    mockGetUsers.mockResolvedValueOnce(USER_PAGE).mockResolvedValue(USER_PAGE_EMPTY);
    const element = await mount();

    fireChange(element, 'filter', { value: 'failing' });
    await flushPromises();

    expect(inCardState(element, 'empty')!.textContent).toBe('c.EntraSync_Users_NoMatch');
  });

  it('pages forward and back, Previous off on the first page and Next on the last', async () => {
    mockGetUsers
      .mockResolvedValueOnce(USER_PAGE)
      .mockResolvedValueOnce({ ...USER_PAGE, pageNumber: 2 })
      .mockResolvedValueOnce({ ...USER_PAGE, pageNumber: 3 })
      .mockResolvedValueOnce({ ...USER_PAGE, pageNumber: 2 });
    const element = await mount();
    expect(byDataId<HTMLButtonElement>(element, 'previous').disabled).toBe(true);

    click(element, 'next');
    await flushPromises();
    expect(mockGetUsers.mock.calls[1][0].pageNumber).toBe(2);
    click(element, 'next');
    await flushPromises();
    expect(mockGetUsers.mock.calls[2][0].pageNumber).toBe(3);
    expect(byDataId<HTMLButtonElement>(element, 'next').disabled).toBe(true);

    click(element, 'previous');
    await flushPromises();
    expect(mockGetUsers.mock.calls[3][0].pageNumber).toBe(2);
    expect(byDataId<HTMLButtonElement>(element, 'previous').disabled).toBe(false);
  });

  it('re-reads the page on refresh, from the button or the app', async () => {
    mockGetUsers.mockResolvedValue(USER_PAGE);
    const element = await mount();

    click(element, 'refresh');
    await flushPromises();
    await element.refresh();

    expect(mockGetUsers).toHaveBeenCalledTimes(3);
  });

  it('shows only the answer to the latest request', async () => {
    let answerSlowly: (page: unknown) => void = () => undefined;
    mockGetUsers
      .mockResolvedValueOnce(USER_PAGE)
      .mockReturnValueOnce(
        new Promise((resolve) => {
          answerSlowly = resolve;
        }),
      )
      .mockResolvedValueOnce({ ...USER_PAGE, users: [USER_PAGE.users[1]], totalCount: 1 });
    const element = await mount();

    fireChange(element, 'filter', { value: 'active' });
    fireChange(element, 'filter', { value: 'frozen' });
    await flushPromises();
    answerSlowly(USER_PAGE);
    await flushPromises();

    const names = byDataId<TableElement>(element, 'users-table').data.map((row) => row.name);
    expect(names).toEqual(['Carol Cole']);
  });

  it('stops a pending search when removed', async () => {
    jest.useFakeTimers();
    mockGetUsers.mockResolvedValue(USER_PAGE);
    const element = await mount();

    fireChange(element, 'search', { value: 'carol' });
    document.body.removeChild(element);
    jest.advanceTimersByTime(1000);

    expect(mockGetUsers).toHaveBeenCalledTimes(1);
  });
});
