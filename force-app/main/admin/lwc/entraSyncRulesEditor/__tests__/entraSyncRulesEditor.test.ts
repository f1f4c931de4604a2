import { createElement } from 'lwc';
import EntraSyncRulesEditor from 'c/entraSyncRulesEditor';
import getRules from '@salesforce/apex/EntraSyncAdminController.getRules';
import getRuleOptions from '@salesforce/apex/EntraSyncAdminController.getRuleOptions';
import saveRule from '@salesforce/apex/EntraSyncAdminController.saveRule';
import whichRuleWins from '@salesforce/apex/EntraSyncAdminController.whichRuleWins';
import whichRuleWinsForUser from '@salesforce/apex/EntraSyncAdminController.whichRuleWinsForUser';
import RULES from './data/rules.json';
import RULE_OPTIONS from './data/ruleOptions.json';
import {
  byDataId,
  fireChange,
  fireRowAction,
  flushPromises,
  inCardState,
  resetDom,
} from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getRules', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/EntraSyncAdminController.getRuleOptions', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/EntraSyncAdminController.saveRule', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/EntraSyncAdminController.whichRuleWins', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/EntraSyncAdminController.whichRuleWinsForUser', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Rules_WinnerUserGroups', () => ({ default: 'User {0} is in {1} groups.' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Rules_WinnerResult', () => ({ default: 'Rule {0} wins: {1}, {2}, {3}.' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Rules_WinnerPermissionSets', () => ({ default: '{0} rules grant: {1}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Rules_EditorEdit', () => ({ default: 'Edit rule {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Common_None', () => ({ default: 'none' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Common_KindInternal', () => ({ default: 'Internal' }), { virtual: true });

const mockGetRules = getRules as unknown as jest.Mock;
const mockGetRuleOptions = getRuleOptions as unknown as jest.Mock;
const mockSaveRule = saveRule as unknown as jest.Mock;
const mockWhichRuleWins = whichRuleWins as unknown as jest.Mock;
const mockWhichRuleWinsForUser = whichRuleWinsForUser as unknown as jest.Mock;
const TOAST_EVENT = 'lightning__showtoast';

type Field = HTMLElement & { value?: unknown; options?: { label: string; value: string }[]; disabled?: boolean };

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-entra-sync-rules-editor', { is: EntraSyncRulesEditor });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

function byId(element: HTMLElement, id: string): Field {
  return byDataId<Field>(element, id);
}

describe('c-entra-sync-rules-editor', () => {
  beforeEach(() => {
    mockGetRules.mockResolvedValue(RULES);
    mockGetRuleOptions.mockResolvedValue(RULE_OPTIONS);
  });

  afterEach(() => {
    resetDom();
  });

  describe('rendering', () => {
    it('lists the rules with readable groups and offers their groups to the winner check', async () => {
      const element = await mount();

      const table = byId(element, 'rules-table') as Field & {
        data: { groupLabel: string; groupTitle: string }[];
        columns: { fieldName?: string; type?: string }[];
      };
      // the group by name, its id on hover; an id only where the rule stores no name
      expect(table.data.map((row) => row.groupLabel)).toEqual([
        'Sales',
        '0f1e2d3c-0000-4000-8000-000000000002',
        'c.EntraSync_Rules_AllUsers',
      ]);
      expect(table.data.map((row) => row.groupTitle)).toEqual([
        '0f1e2d3c-0000-4000-8000-000000000001',
        '0f1e2d3c-0000-4000-8000-000000000002',
        '',
      ]);
      expect(table.columns.find((column) => column.fieldName === 'groupLabel')!.type).toBe('textWithTitle');
      expect(byId(element, 'member-of').options!.map((option) => option.label)).toEqual([
        'Sales',
        '0f1e2d3c-0000-4000-8000-000000000002',
      ]);
      expect(byId(element, 'member-of').options!.map((option) => option.value)).toEqual([
        '0f1e2d3c-0000-4000-8000-000000000001',
        '0f1e2d3c-0000-4000-8000-000000000002',
      ]);
    });

    it('offers Activate or Deactivate per row', async () => {
      const element = await mount();
      const table = byId(element, 'rules-table') as Field & {
        columns: { type?: string; typeAttributes?: { rowActions: (row: unknown, done: jest.Mock) => void } }[];
      };
      const actions = table.columns.find((column) => column.type === 'action')!.typeAttributes!.rowActions;
      const done = jest.fn();

      actions(RULES[0], done);
      actions(RULES[1], done);

      expect(done.mock.calls[0][0][1].label).toBe('c.EntraSync_Common_Deactivate');
      expect(done.mock.calls[1][0][1].label).toBe('c.EntraSync_Common_Activate');
    });

    it('explains that users in no rule are out of scope when there is no rule', async () => {
      mockGetRules.mockResolvedValue([]);
      const element = await mount();
      expect(inCardState(element, 'empty')).not.toBeNull();
    });

    it('is accessible with the editor open', async () => {
      const element = await mount();
      fireRowAction(element, 'rules-table', 'edit', RULES[1]);
      await flushPromises();
      await expect(element).toBeAccessible();
    });
  });

  describe('editing', () => {
    it('feeds the pickers from the org and asks for an Account only for external users', async () => {
      const element = await mount();
      byId(element, 'add').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      expect(byId(element, 'profile').options).toEqual(RULE_OPTIONS.profiles);
      expect(byId(element, 'role').options![0].value).toBe('');
      expect(byId(element, 'permission-sets').options).toEqual(RULE_OPTIONS.permissionSets);
      expect(byId(element, 'account')).toBeNull();
      expect(byId(element, 'save').disabled).toBe(true);

      fireChange(element, 'licence-kind', { value: 'External' });
      await flushPromises();
      expect(byId(element, 'account').options).toEqual(RULE_OPTIONS.accounts);
    });

    it('creates a rule from the form', async () => {
      mockSaveRule.mockResolvedValue({ jobId: '0Af2', developerName: 'Support', message: 'Deployment 0Af2 is queued' });
      const element = await mount();
      const toast = jest.fn();
      element.addEventListener(TOAST_EVENT, toast);
      byId(element, 'add').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      fireChange(element, 'group-id', { value: '0f1e2d3c-0000-4000-8000-000000000003' });
      fireChange(element, 'group-name', { value: 'Support' });
      fireChange(element, 'priority', { value: '120' });
      fireChange(element, 'profile', { value: 'Standard User' });
      fireChange(element, 'role', { value: 'SalesRep' });
      fireChange(element, 'permission-sets', { value: ['Chatter', 'Reports'] });
      fireChange(element, 'active', { checked: true });
      await flushPromises();
      byId(element, 'save').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      expect(mockSaveRule).toHaveBeenCalledWith({
        rule: {
          groupId: '0f1e2d3c-0000-4000-8000-000000000003',
          groupName: 'Support',
          priority: 120,
          licenceKind: 'Internal',
          profile: 'Standard User',
          role: 'SalesRep',
          permissionSets: 'Chatter,Reports',
          account: '',
          personRecordType: '',
          active: true,
        },
      });
      expect(toast.mock.calls[0][0].detail.message).toBe('Deployment 0Af2 is queued');
      expect(byId(element, 'editor')).toBeNull();
      const table = byId(element, 'rules-table') as Field & { data: { developerName: string }[] };
      expect(table.data.map((row) => row.developerName)).toEqual(['Sales', 'Partners', 'Support', 'AllUsers']);
    });

    it('edits a rule and shows its permission sets as selected', async () => {
      const element = await mount();
      fireRowAction(element, 'rules-table', 'edit', { ...RULES[0], groupLabel: 'Sales' });
      await flushPromises();

      expect(element.shadowRoot!.querySelector('h2')!.textContent).toBe('Edit rule Sales');
      expect(byId(element, 'permission-sets').value).toEqual(['SalesCloud', 'Reports']);
      fireChange(element, 'priority', { value: '' });
      await flushPromises();
      expect(byId(element, 'priority').value).toBeNull();

      byId(element, 'cancel').dispatchEvent(new CustomEvent('click'));
      await flushPromises();
      expect(byId(element, 'editor')).toBeNull();
    });

    it('activates a rule from its row', async () => {
      mockSaveRule.mockResolvedValue({ jobId: '0Af3', developerName: 'Partners', message: 'queued' });
      const element = await mount();

      fireRowAction(element, 'rules-table', 'toggle', { ...RULES[1], groupLabel: 'x' });
      await flushPromises();

      expect(mockSaveRule).toHaveBeenCalledWith({ rule: { ...RULES[1], active: true } });
    });
  });

  describe('which rule wins', () => {
    it('sends the picked and typed group ids and shows the winner with the permission-set union', async () => {
      mockWhichRuleWins.mockResolvedValue({
        winner: RULES[0],
        matching: [RULES[0], RULES[2]],
        permissionSets: ['SalesCloud', 'Reports', 'Chatter'],
        inScope: true,
      });
      const element = await mount();

      fireChange(element, 'member-of', { value: ['0f1e2d3c-0000-4000-8000-000000000001'] });
      fireChange(element, 'other-groups', { value: ' 11111111-0000-4000-8000-000000000009 , ' });
      byId(element, 'check-winner').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      expect(mockWhichRuleWins).toHaveBeenCalledWith({
        groupIds: ['0f1e2d3c-0000-4000-8000-000000000001', '11111111-0000-4000-8000-000000000009'],
      });
      const result = byId(element, 'winner-result').textContent!;
      expect(result).toContain('Rule Sales wins: Internal, Standard User, SalesRep.');
      expect(result).toContain('2 rules grant: SalesCloud, Reports, Chatter');
    });

    it('checks a synced user and ticks the groups the sync knows for them', async () => {
      mockWhichRuleWinsForUser.mockResolvedValue({
        winner: RULES[0],
        matching: [RULES[0], RULES[2]],
        permissionSets: ['Chatter', 'Reports', 'SalesCloud'],
        inScope: true,
        entraObjectId: '5b9e1f0a-0000-4000-8000-0000000000aa',
        groupIds: ['0f1e2d3c-0000-4000-8000-000000000001'],
      });
      const element = await mount();

      fireChange(element, 'user-key', { value: 'adele.vance@contoso.com' });
      byId(element, 'check-user').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      expect(mockWhichRuleWinsForUser).toHaveBeenCalledWith({ userKey: 'adele.vance@contoso.com' });
      expect(byId(element, 'member-of').value).toEqual(['0f1e2d3c-0000-4000-8000-000000000001']);
      expect(byId(element, 'winner-user').textContent).toBe(
        'User 5b9e1f0a-0000-4000-8000-0000000000aa is in 1 groups.',
      );
      expect(byId(element, 'winner-result').textContent).toContain('Rule Sales wins');
    });

    it('toasts when the user is not synced', async () => {
      mockWhichRuleWinsForUser.mockRejectedValue({
        body: { message: 'ENTRASYNC_USER_NOT_FOUND: No synced user matches' },
      });
      const element = await mount();
      const toast = jest.fn();
      element.addEventListener(TOAST_EVENT, toast);

      byId(element, 'check-user').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      expect(toast.mock.calls[0][0].detail.message).toContain('ENTRASYNC_USER_NOT_FOUND');
      expect(byId(element, 'winner-result')).toBeNull();
    });

    it('says when the user is out of scope', async () => {
      mockWhichRuleWins.mockResolvedValue({ winner: null, matching: [], permissionSets: [], inScope: false });
      const element = await mount();

      byId(element, 'check-winner').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      expect(byId(element, 'winner-result').textContent).toContain('c.EntraSync_Rules_OutOfScope');
    });

    it('shows "none" for a winner without role or permission sets', async () => {
      mockWhichRuleWins.mockResolvedValue({
        winner: RULES[2],
        matching: [RULES[2]],
        permissionSets: [],
        inScope: true,
      });
      const element = await mount();

      byId(element, 'check-winner').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      const result = byId(element, 'winner-result').textContent!;
      expect(result).toContain('Rule All users wins: Internal, Standard User, none.');
      expect(result).toContain('1 rules grant: none');
    });
  });

  describe('errors', () => {
    it('shows a load error inline', async () => {
      mockGetRuleOptions.mockRejectedValue({ body: { message: 'ENTRASYNC_ADMIN_NO_ACCESS: assign EntraSyncAdmin' } });
      const element = await mount();
      expect(inCardState(element, 'error-message').textContent).toContain('ENTRASYNC_ADMIN_NO_ACCESS');
    });

    it('loads again when the admin retries after a load error', async () => {
      mockGetRuleOptions.mockRejectedValueOnce({
        body: { message: 'ENTRASYNC_ADMIN_NO_ACCESS: assign EntraSyncAdmin' },
      });
      const element = await mount();

      inCardState(element, 'retry').click();
      await flushPromises();

      expect(mockGetRules).toHaveBeenCalledTimes(2);
      expect(mockGetRuleOptions).toHaveBeenCalledTimes(2);
      expect(inCardState(element, 'load-error')).toBeNull();
      expect(byDataId(element, 'rules-table')).not.toBeNull();
    });

    it('toasts the validation error of a save and keeps the editor open', async () => {
      mockSaveRule.mockRejectedValue({
        body: { message: 'ENTRASYNC_RULE_INVALID: Profile "Ghost" does not exist in this org.' },
      });
      const element = await mount();
      const toast = jest.fn();
      element.addEventListener(TOAST_EVENT, toast);
      fireRowAction(element, 'rules-table', 'edit', RULES[0]);
      await flushPromises();

      byId(element, 'save').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      expect(toast.mock.calls[0][0].detail).toMatchObject({ variant: 'error' });
      expect(toast.mock.calls[0][0].detail.message).toContain('ENTRASYNC_RULE_INVALID');
      expect(byId(element, 'editor')).not.toBeNull();
    });

    it('toasts when the winner check fails', async () => {
      mockWhichRuleWins.mockRejectedValue(new Error('network down'));
      const element = await mount();
      const toast = jest.fn();
      element.addEventListener(TOAST_EVENT, toast);

      byId(element, 'check-winner').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      expect(toast.mock.calls[0][0].detail.message).toBe('network down');
    });
  });
});
