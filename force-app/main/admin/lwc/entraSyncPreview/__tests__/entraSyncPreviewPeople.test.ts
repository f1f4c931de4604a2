import { createElement } from 'lwc';
import EntraSyncPreview from 'c/entraSyncPreview';
import getPreview from '@salesforce/apex/EntraSyncAdminController.getPreview';
import PREVIEW from './data/preview.json';
import { flushPromises, resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getPreview', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Common_EntraObjectId', () => ({ default: 'Entra object id: {0}' }), {
  virtual: true,
});

const mockGetPreview = getPreview as unknown as jest.Mock;
const OBJECT_ID = '5b9e1f0a-0000-4000-8000-000000000013';

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-entra-sync-preview', { is: EntraSyncPreview });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-entra-sync-preview people', () => {
  afterEach(() => {
    resetDom();
  });

  it('names a planned deactivation by the linked user, the Entra object id as secondary detail', async () => {
    const groups = PREVIEW.groups.map((group) => ({
      ...group,
      changes: group.changes.map((change) => {
        const linked = { salesforceName: 'Megan Bowen', salesforceUsername: 'megan.bowen@contoso.com.sf' };
        return change.entraObjectId === OBJECT_ID ? { ...change, ...linked } : change;
      }),
    }));
    mockGetPreview.mockResolvedValue({ ...PREVIEW, groups });
    const element = await mount();

    const deactivation = element.shadowRoot!.querySelector('[data-action="Deactivate"] th[data-id="user"]')!;
    expect(deactivation.querySelector('div')!.textContent).toBe('Megan Bowen (megan.bowen@contoso.com.sf)');
    expect(deactivation.querySelector('.slds-text-color_weak')!.textContent).toBe(`Entra object id: ${OBJECT_ID}`);
    const create = element.shadowRoot!.querySelector('[data-action="Create"] th[data-id="user"]')!;
    expect(create.textContent).toBe('New Hire (new.hire@contoso.com)');
    await expect(element).toBeAccessible();
  });
});
