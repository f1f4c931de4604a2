import { createElement } from 'lwc';
import EntraSyncUserLookup from 'c/entraSyncUserLookup';
import previewUser from '@salesforce/apex/EntraSyncAdminController.previewUser';
import syncUser from '@salesforce/apex/EntraSyncAdminController.syncUser';
import whichRuleWinsForUser from '@salesforce/apex/EntraSyncAdminController.whichRuleWinsForUser';
import getPreview from '@salesforce/apex/EntraSyncAdminController.getPreview';
import { byDataId, fireChange, flushPromises, resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.previewUser', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/EntraSyncAdminController.syncUser', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/EntraSyncAdminController.whichRuleWinsForUser', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/EntraSyncAdminController.getPreview', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_OnDemand_Rule', () => ({ default: 'Rule that wins: {0} · licence {1}' }), {
  virtual: true,
});

const mockPreviewUser = previewUser as unknown as jest.Mock;
const mockSyncUser = syncUser as unknown as jest.Mock;
const mockWhichRule = whichRuleWinsForUser as unknown as jest.Mock;
const mockGetPreview = getPreview as unknown as jest.Mock;
const PREVIEW_RUN = 'a01000000000011AAA';
const SYNC_RUN = 'a01000000000012AAA';
const TOAST_EVENT = 'lightning__showtoast';
const MATCH = {
  winner: { label: 'Sales', groupId: 'g1', licenceKind: 'Internal', profile: 'Standard User', active: true },
  matching: [],
  permissionSets: [],
  inScope: true,
};

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-entra-sync-user-lookup', { is: EntraSyncUserLookup });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

function button(element: HTMLElement, id: string): HTMLButtonElement {
  return byDataId<HTMLButtonElement>(element, id);
}

async function enterKeyAndPreview(element: HTMLElement, key: string): Promise<void> {
  fireChange(element, 'user-key', { value: key });
  await flushPromises();
  button(element, 'preview-user').dispatchEvent(new CustomEvent('click'));
  await flushPromises();
}

describe('c-entra-sync-user-lookup', () => {
  beforeEach(() => {
    mockGetPreview.mockResolvedValue({ run: { id: PREVIEW_RUN, name: 'RUN-11', status: 'Completed' }, groups: [] });
  });
  afterEach(() => {
    resetDom();
  });

  describe('rendering', () => {
    it('offers nothing to do until a key is entered', async () => {
      const element = await mount();

      expect(button(element, 'preview-user').disabled).toBe(true);
      expect(button(element, 'sync-user').disabled).toBe(true);
    });

    it('is accessible', async () => {
      mockPreviewUser.mockResolvedValue(PREVIEW_RUN);
      mockWhichRule.mockResolvedValue(MATCH);
      const element = await mount();
      await enterKeyAndPreview(element, 'ada@contoso.com');
      await expect(element).toBeAccessible();
    });
  });

  describe('user events', () => {
    it('previews the user, shows the rule that wins, then syncs the previewed key', async () => {
      mockPreviewUser.mockResolvedValue(PREVIEW_RUN);
      mockWhichRule.mockResolvedValue(MATCH);
      mockSyncUser.mockResolvedValue(SYNC_RUN);
      const element = await mount();
      const changed = jest.fn();
      element.addEventListener('runchanged', changed);

      await enterKeyAndPreview(element, ' ada@contoso.com ');

      expect(mockPreviewUser).toHaveBeenCalledWith({ userKey: 'ada@contoso.com' });
      expect(byDataId(element, 'rule').textContent).toBe('Rule that wins: Sales · licence Internal');
      const preview = byDataId<HTMLElement & { runId: string }>(element, 'user-preview');
      expect(preview.runId).toBe(PREVIEW_RUN);
      expect(button(element, 'sync-user').disabled).toBe(false);

      button(element, 'sync-user').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      expect(mockSyncUser).toHaveBeenCalledWith({ userKey: 'ada@contoso.com' });
      expect(changed.mock.calls[0][0].detail).toEqual({ runId: SYNC_RUN });
    });

    it('asks for a new preview when the key changes', async () => {
      mockPreviewUser.mockResolvedValue(PREVIEW_RUN);
      mockWhichRule.mockResolvedValue({ ...MATCH, winner: null, inScope: false });
      const element = await mount();
      await enterKeyAndPreview(element, 'ada@contoso.com');
      expect(byDataId(element, 'rule').textContent).toBe('c.EntraSync_OnDemand_NoRule');

      fireChange(element, 'user-key', { value: 'bob@contoso.com' });
      await flushPromises();

      expect(button(element, 'sync-user').disabled).toBe(true);
    });
  });

  describe('errors', () => {
    it('shows the server refusal as an error toast', async () => {
      mockPreviewUser.mockRejectedValue({ body: { message: 'ENTRASYNC_RUN_ACTIVE: wait for the run to finish' } });
      const element = await mount();
      const toast = jest.fn();
      element.addEventListener(TOAST_EVENT, toast);

      await enterKeyAndPreview(element, 'ada@contoso.com');

      expect(toast.mock.calls[0][0].detail.variant).toBe('error');
      expect(toast.mock.calls[0][0].detail.message).toContain('ENTRASYNC_RUN_ACTIVE');
      expect(byDataId(element, 'user-preview')).toBeNull();
    });
  });
});
