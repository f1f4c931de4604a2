import { createElement } from 'lwc';
import EntraSyncRunDetail from 'c/entraSyncRunDetail';
import getRunDetail from '@salesforce/apex/EntraSyncAdminController.getRunDetail';
import RUN_DETAIL from './data/runDetail.json';
import { flushPromises, resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getRunDetail', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/EntraSyncAdminController.retryFailed', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Common_EntraObjectId', () => ({ default: 'Entra object id: {0}' }), {
  virtual: true,
});

const mockGetRunDetail = getRunDetail as unknown as jest.Mock;
const OBJECT_ID = '5b9e1f0a-0000-4000-8000-000000000013';

/** A deactivation as the pipeline records it: Entra sent no name, the change links the Salesforce user. */
const DEACTIVATION = {
  id: 'a02000000000009AAA',
  name: 'CHG-0000009',
  action: 'Deactivate',
  status: 'Applied',
  entraObjectId: OBJECT_ID,
  userId: '005000000000009AAA',
  salesforceName: 'Megan Bowen',
  salesforceUsername: 'megan.bowen@contoso.com.sf',
  fieldChanges: [{ field: 'IsActive', before: 'true', after: 'false' }],
};

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-entra-sync-run-detail', { is: EntraSyncRunDetail }) as HTMLElement & {
    runId?: string;
  };
  element.runId = RUN_DETAIL.run.id;
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-entra-sync-run-detail people', () => {
  afterEach(() => {
    resetDom();
  });

  it('names people by display name and username, the Entra object id as secondary detail', async () => {
    mockGetRunDetail.mockResolvedValue({ ...RUN_DETAIL, changes: [DEACTIVATION, ...RUN_DETAIL.changes] });
    const element = await mount();

    const users = Array.from(element.shadowRoot!.querySelectorAll('th[data-id="user"]'));
    expect(users[0].querySelector('div')!.textContent).toBe('Megan Bowen (megan.bowen@contoso.com.sf)');
    expect(users[0].querySelector('.slds-text-color_weak')!.textContent).toBe(`Entra object id: ${OBJECT_ID}`);
    expect(users[1].textContent).toBe('Adele Vance (adele.vance@contoso.com)');
    await expect(element).toBeAccessible();
  });

  it('shows the object id alone only when nothing names the person', async () => {
    const unnamed = { ...DEACTIVATION, salesforceName: undefined, salesforceUsername: undefined, userId: undefined };
    mockGetRunDetail.mockResolvedValue({ ...RUN_DETAIL, changes: [unnamed] });
    const element = await mount();

    const user = element.shadowRoot!.querySelector('th[data-id="user"]')!;
    expect(user.textContent).toBe(OBJECT_ID);
  });
});
