import { createElement } from 'lwc';
import EntraSyncRulesEditor from 'c/entraSyncRulesEditor';
import getRules from '@salesforce/apex/EntraSyncAdminController.getRules';
import getRuleOptions from '@salesforce/apex/EntraSyncAdminController.getRuleOptions';
import saveRule from '@salesforce/apex/EntraSyncAdminController.saveRule';
import whichRuleWins from '@salesforce/apex/EntraSyncAdminController.whichRuleWins';
import RULES from './data/rules.json';
import RULE_OPTIONS from './data/ruleOptions.json';
import {
  byDataId,
  fireChange,
  fireRowAction,
  flushPromises,
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
jest.mock('@salesforce/label/c.EntraSync_Rules_WinnerResult', () => ({ default: 'Rule {0} wins: {1}, {2}, {3}.' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Common_KindUnifiedEmployee', () => ({ default: 'Unified Employee' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Common_KindInternal', () => ({ default: 'Internal' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Common_None', () => ({ default: 'none' }), { virtual: true });

const mockGetRules = getRules as unknown as jest.Mock;
const mockGetRuleOptions = getRuleOptions as unknown as jest.Mock;
const mockSaveRule = saveRule as unknown as jest.Mock;
const mockWhichRuleWins = whichRuleWins as unknown as jest.Mock;
const TOAST_EVENT = 'lightning__showtoast';

type Field = HTMLElement & {
  value?: unknown;
  required?: boolean;
  options?: { label: string; value: string }[];
  disabled?: boolean;
};

/** The Pinnacle service desk: Unified Employee users, profile left to the default, no record type chosen. */
const SERVICE_DESK = {
  developerName: 'ServiceDesk',
  label: 'Service Desk',
  groupId: '0f1e2d3c-0000-4000-8000-000000000007',
  groupName: 'Service Desk',
  priority: 120,
  licenceKind: 'UnifiedEmployee',
  profile: '',
  permissionSets: 'ITSMPortalUelUser',
  active: true,
};
const OPTIONS = {
  ...RULE_OPTIONS,
  personRecordTypes: [{ label: 'Person Account', value: 'PersonAccount' }],
};

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-entra-sync-rules-editor', { is: EntraSyncRulesEditor });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

function byId(element: HTMLElement, id: string): Field {
  return byDataId<Field>(element, id);
}

describe('c-entra-sync-rules-editor Unified Employee', () => {
  beforeEach(() => {
    mockGetRules.mockResolvedValue([...RULES, SERVICE_DESK]);
    mockGetRuleOptions.mockResolvedValue(OPTIONS);
  });

  afterEach(() => {
    resetDom();
  });

  it('offers the third kind and names it in the table', async () => {
    const element = await mount();
    byId(element, 'add').dispatchEvent(new CustomEvent('click'));
    await flushPromises();

    expect(byId(element, 'licence-kind').options!.map((option) => option.value)).toEqual([
      'Internal',
      'External',
      'UnifiedEmployee',
    ]);
    const table = byId(element, 'rules-table') as Field & { data: { licenceKindLabel: string }[] };
    expect(table.data.map((row) => row.licenceKindLabel)).toContain('Unified Employee');
  });

  it('defaults the profile, offers the person-account record types and hides the Account', async () => {
    const element = await mount();
    byId(element, 'add').dispatchEvent(new CustomEvent('click'));
    await flushPromises();
    expect(byId(element, 'person-record-type')).toBeNull();
    expect(byId(element, 'employee-profile-hint')).toBeNull();

    fireChange(element, 'licence-kind', { value: 'UnifiedEmployee' });
    await flushPromises();

    expect(byId(element, 'employee-profile-hint').textContent).toContain('c.EntraSync_Rules_EmployeeProfileHint');
    expect(byId(element, 'profile').required).toBe(false);
    expect(byId(element, 'profile').options![0]).toEqual({
      label: 'c.EntraSync_Rules_EmployeeProfileDefault',
      value: '',
    });
    expect(byId(element, 'person-record-type').options).toEqual([
      { label: 'c.EntraSync_Rules_DefaultRecordType', value: '' },
      { label: 'Person Account', value: 'PersonAccount' },
    ]);
    expect(byId(element, 'account')).toBeNull();
    fireChange(element, 'group-id', { value: SERVICE_DESK.groupId });
    await flushPromises();
    expect(byId(element, 'save').disabled).toBe(false);
    await expect(element).toBeAccessible();
  });

  it('saves a Unified Employee rule with its record type and a blank profile', async () => {
    mockSaveRule.mockResolvedValue({ jobId: '0Af4', developerName: 'ServiceDesk', message: 'queued' });
    const element = await mount();
    fireRowAction(element, 'rules-table', 'edit', { ...SERVICE_DESK, groupLabel: 'Service Desk' });
    await flushPromises();

    fireChange(element, 'person-record-type', { value: 'PersonAccount' });
    await flushPromises();
    byId(element, 'save').dispatchEvent(new CustomEvent('click'));
    await flushPromises();

    expect(mockSaveRule).toHaveBeenCalledWith({ rule: { ...SERVICE_DESK, personRecordType: 'PersonAccount' } });
  });

  it('names the kind of the winning rule, and the default profile', async () => {
    mockWhichRuleWins.mockResolvedValue({
      winner: SERVICE_DESK,
      matching: [SERVICE_DESK],
      permissionSets: ['ITSMPortalUelUser'],
      inScope: true,
    });
    const element = await mount();

    byId(element, 'check-winner').dispatchEvent(new CustomEvent('click'));
    await flushPromises();

    expect(byId(element, 'winner-result').textContent).toContain(
      'Rule Service Desk wins: Unified Employee, Unified Employee, none.',
    );
  });

  it('shows why the org refused a Unified Employee rule and keeps the form open', async () => {
    const refusal =
      'ENTRASYNC_UEL_UNAVAILABLE: Rule Service Desk is Unified Employee; missing: Person Accounts and the Employee2 object.';
    mockSaveRule.mockRejectedValue({ body: { message: refusal } });
    const element = await mount();
    const toast = jest.fn();
    element.addEventListener(TOAST_EVENT, toast);
    fireRowAction(element, 'rules-table', 'edit', { ...SERVICE_DESK, groupLabel: 'Service Desk' });
    await flushPromises();

    byId(element, 'save').dispatchEvent(new CustomEvent('click'));
    await flushPromises();

    expect(byId(element, 'uel-unavailable').textContent).toContain(refusal);
    expect(toast.mock.calls[0][0].detail.message).toBe(refusal);
    expect(byId(element, 'editor')).not.toBeNull();
    await expect(element).toBeAccessible();

    byId(element, 'cancel').dispatchEvent(new CustomEvent('click'));
    await flushPromises();
    expect(byId(element, 'uel-unavailable')).toBeNull();
  });

  it('shows no refusal panel for other save errors', async () => {
    mockSaveRule.mockRejectedValue({ body: { message: 'ENTRASYNC_RULE_INVALID: Enter a priority.' } });
    const element = await mount();
    fireRowAction(element, 'rules-table', 'edit', RULES[0]);
    await flushPromises();

    byId(element, 'save').dispatchEvent(new CustomEvent('click'));
    await flushPromises();

    expect(byId(element, 'uel-unavailable')).toBeNull();
  });
});
