import { createElement } from 'lwc';
import EntraSyncMappingEditor from 'c/entraSyncMappingEditor';
import getMappings from '@salesforce/apex/EntraSyncAdminController.getMappings';
import getUserFields from '@salesforce/apex/EntraSyncAdminController.getUserFields';
import validateExpression from '@salesforce/apex/EntraSyncAdminController.validateExpression';
import testMapping from '@salesforce/apex/EntraSyncAdminController.testMapping';
import saveMapping from '@salesforce/apex/EntraSyncAdminController.saveMapping';
import MAPPINGS from './data/mappings.json';
import USER_FIELDS from './data/userFields.json';
import {
  byDataId,
  fireChange,
  fireRowAction,
  flushPromises,
  inCardState,
  resetDom,
} from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getMappings', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/EntraSyncAdminController.getUserFields', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/EntraSyncAdminController.validateExpression', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/EntraSyncAdminController.testMapping', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/EntraSyncAdminController.saveMapping', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Mapping_ExpressionError', () => ({ default: 'Column {0}: {1}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Mapping_TestResult', () => ({ default: 'Result: {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Mapping_EditorEdit', () => ({ default: 'Edit mapping {0}' }), {
  virtual: true,
});

const mockGetMappings = getMappings as unknown as jest.Mock;
const mockGetUserFields = getUserFields as unknown as jest.Mock;
const mockValidate = validateExpression as unknown as jest.Mock;
const mockTestMapping = testMapping as unknown as jest.Mock;
const mockSaveMapping = saveMapping as unknown as jest.Mock;
const TOAST_EVENT = 'lightning__showtoast';

type Field = HTMLElement & {
  value?: string;
  options?: unknown[];
  disabled?: boolean;
  setCustomValidity?: jest.Mock;
  reportValidity?: jest.Mock;
};

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-entra-sync-mapping-editor', { is: EntraSyncMappingEditor });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

function byId(element: HTMLElement, id: string): Field {
  return byDataId<Field>(element, id);
}

describe('c-entra-sync-mapping-editor', () => {
  beforeEach(() => {
    mockGetMappings.mockResolvedValue(MAPPINGS);
    mockGetUserFields.mockResolvedValue(USER_FIELDS);
  });

  afterEach(() => {
    resetDom();
  });

  describe('rendering', () => {
    it('lists the mappings', async () => {
      const element = await mount();

      const table = byId(element, 'mappings-table') as Field & { data: { developerName: string }[] };
      expect(table.data.map((mapping) => mapping.developerName)).toEqual(['Email', 'Alias']);
      expect(byId(element, 'editor')).toBeNull();
    });

    it('offers Activate for inactive rows and Deactivate for active ones', async () => {
      const element = await mount();
      const table = byId(element, 'mappings-table') as Field & {
        columns: { type?: string; typeAttributes?: { rowActions: (row: unknown, done: jest.Mock) => void } }[];
      };
      const actions = table.columns.find((column) => column.type === 'action')!.typeAttributes!.rowActions;
      const done = jest.fn();

      actions(MAPPINGS[0], done);
      actions(MAPPINGS[1], done);

      expect(done.mock.calls[0][0][1].label).toBe('c.EntraSync_Common_Deactivate');
      expect(done.mock.calls[1][0][1].label).toBe('c.EntraSync_Common_Activate');
    });

    it('invites a first mapping when there is none', async () => {
      mockGetMappings.mockResolvedValue([]);
      const element = await mount();
      expect(inCardState(element, 'empty')).not.toBeNull();
    });

    it('is accessible with the editor open', async () => {
      const element = await mount();
      byId(element, 'add').dispatchEvent(new CustomEvent('click'));
      await flushPromises();
      await expect(element).toBeAccessible();
    });
  });

  describe('editing', () => {
    it('opens a new mapping with the next order and the User fields from the org', async () => {
      const element = await mount();

      byId(element, 'add').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      expect(byId(element, 'target-field').options).toEqual(USER_FIELDS);
      expect(byId(element, 'sort-order').value).toBe(30);
      expect(byId(element, 'save').disabled).toBe(true);
    });

    it('validates the source as the admin types and shows the exact column', async () => {
      jest.useFakeTimers();
      mockValidate.mockResolvedValue({
        valid: false,
        column: 7,
        errorCode: 'ENTRASYNC_EXPRESSION_INVALID',
        message: "expected ')'",
      });
      const element = await mount();
      byId(element, 'add').dispatchEvent(new CustomEvent('click'));
      await flushPromises();
      const source = byId(element, 'source');
      source.setCustomValidity = jest.fn();
      source.reportValidity = jest.fn();

      fireChange(element, 'source', { value: 'Lower(' });
      fireChange(element, 'source', { value: 'Lower(x' });
      jest.advanceTimersByTime(300);
      await flushPromises();

      expect(mockValidate).toHaveBeenCalledTimes(1);
      expect(mockValidate).toHaveBeenCalledWith({ source: 'Lower(x' });
      expect(byId(element, 'expression-status').textContent).toBe("Column 7: expected ')'");
      expect(source.setCustomValidity).toHaveBeenCalledWith("Column 7: expected ')'");
      expect(byId(element, 'save').disabled).toBe(true);
    });

    it('edits an existing mapping, checks it, tests it on the sample user and saves it', async () => {
      jest.useFakeTimers();
      mockValidate.mockResolvedValue({ valid: true });
      mockTestMapping.mockResolvedValue({ ok: true, value: 'adelev' });
      mockSaveMapping.mockResolvedValue({
        jobId: '0Af000000000001AAA',
        developerName: 'Alias',
        message: 'Deployment 0Af000000000001AAA is queued',
      });
      const element = await mount();
      const toast = jest.fn();
      element.addEventListener(TOAST_EVENT, toast);

      fireRowAction(element, 'mappings-table', 'edit', MAPPINGS[1]);
      jest.advanceTimersByTime(300);
      await flushPromises();
      expect(element.shadowRoot!.querySelector('#mapping-editor-title, h2')!.textContent).toBe('Edit mapping Alias');
      expect(byId(element, 'expression-status').textContent).toBe('c.EntraSync_Mapping_ExpressionValid');

      fireChange(element, 'apply-on', { value: 'Always' });
      fireChange(element, 'default-value', { value: 'x' });
      fireChange(element, 'sort-order', { value: '25' });
      fireChange(element, 'active', { checked: true });
      fireChange(element, 'sample-user', { value: '{"mailNickname":"AdeleV"}' });
      await flushPromises();
      byId(element, 'test').dispatchEvent(new CustomEvent('click'));
      await flushPromises();
      expect(mockTestMapping).toHaveBeenCalledWith({
        source: 'Lower(Left(mailNickname, 8))',
        sampleUserJson: '{"mailNickname":"AdeleV"}',
      });
      expect(byId(element, 'test-result').textContent).toBe('Result: adelev');

      byId(element, 'save').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      expect(mockSaveMapping).toHaveBeenCalledWith({
        mapping: { ...MAPPINGS[1], applyOn: 'Always', defaultValue: 'x', sortOrder: 25, active: true },
      });
      expect(toast.mock.calls[0][0].detail).toMatchObject({
        variant: 'success',
        message: 'Deployment 0Af000000000001AAA is queued',
      });
      expect(byId(element, 'editor')).toBeNull();
      const table = byId(element, 'mappings-table') as Field & { data: { sortOrder: number; active: boolean }[] };
      expect(table.data.map((mapping) => mapping.sortOrder)).toEqual([10, 25]);
    });

    it('picks a target field and clears the order', async () => {
      const element = await mount();
      byId(element, 'add').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      fireChange(element, 'target-field', { value: 'Title' });
      fireChange(element, 'sort-order', { value: '' });
      await flushPromises();

      expect(byId(element, 'target-field').value).toBe('Title');
      expect(byId(element, 'sort-order').value).toBeNull();
    });

    it('shows an empty test result as "default applies"', async () => {
      mockTestMapping.mockResolvedValue({ ok: true, value: null });
      const element = await mount();
      fireRowAction(element, 'mappings-table', 'edit', MAPPINGS[0]);
      await flushPromises();

      byId(element, 'test').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      expect(byId(element, 'test-result').textContent).toBe('c.EntraSync_Mapping_TestEmptyResult');
    });

    it('deactivates a mapping from its row', async () => {
      mockSaveMapping.mockResolvedValue({ jobId: '0Af1', developerName: 'Email', message: 'queued' });
      const element = await mount();

      fireRowAction(element, 'mappings-table', 'toggle', MAPPINGS[0]);
      await flushPromises();

      expect(mockSaveMapping).toHaveBeenCalledWith({ mapping: { ...MAPPINGS[0], active: false } });
    });

    it('cancels without saving', async () => {
      const element = await mount();
      byId(element, 'add').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      byId(element, 'cancel').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      expect(byId(element, 'editor')).toBeNull();
      expect(mockSaveMapping).not.toHaveBeenCalled();
    });
  });

  describe('errors', () => {
    it('shows a load error inline', async () => {
      mockGetUserFields.mockRejectedValue({ body: { message: 'ENTRASYNC_ADMIN_NO_ACCESS: assign EntraSyncAdmin' } });
      const element = await mount();
      expect(inCardState(element, 'error-message').textContent).toContain('ENTRASYNC_ADMIN_NO_ACCESS');
    });

    it('loads again when the admin retries after a load error', async () => {
      mockGetUserFields.mockRejectedValueOnce({
        body: { message: 'ENTRASYNC_ADMIN_NO_ACCESS: assign EntraSyncAdmin' },
      });
      const element = await mount();

      inCardState(element, 'retry').click();
      await flushPromises();

      expect(mockGetMappings).toHaveBeenCalledTimes(2);
      expect(mockGetUserFields).toHaveBeenCalledTimes(2);
      expect(inCardState(element, 'load-error')).toBeNull();
      expect(byDataId(element, 'mappings-table')).not.toBeNull();
    });

    it('toasts a save error and keeps the editor open', async () => {
      mockSaveMapping.mockRejectedValue({
        body: { message: 'ENTRASYNC_MAPPING_TARGET_INVALID: "Foo" is not a User field you can write.' },
      });
      const element = await mount();
      const toast = jest.fn();
      element.addEventListener(TOAST_EVENT, toast);
      fireRowAction(element, 'mappings-table', 'edit', MAPPINGS[0]);
      await flushPromises();

      byId(element, 'save').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      expect(toast.mock.calls[0][0].detail.variant).toBe('error');
      expect(toast.mock.calls[0][0].detail.message).toContain('ENTRASYNC_MAPPING_TARGET_INVALID');
      expect(byId(element, 'editor')).not.toBeNull();
    });

    it('shows the evaluation error of a test', async () => {
      mockTestMapping.mockResolvedValue({
        ok: false,
        errorCode: 'ENTRASYNC_SAMPLE_USER_INVALID',
        errorMessage: 'The sample user is not a JSON object',
      });
      const element = await mount();
      fireRowAction(element, 'mappings-table', 'edit', MAPPINGS[0]);
      await flushPromises();

      byId(element, 'test').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      const result = byId(element, 'test-result');
      expect(result.textContent).toBe('ENTRASYNC_SAMPLE_USER_INVALID: The sample user is not a JSON object');
      expect(result.className).toContain('slds-text-color_error');
    });

    it('toasts when the test call or the validation call fails', async () => {
      jest.useFakeTimers();
      mockTestMapping.mockRejectedValue(new Error('network down'));
      mockValidate.mockRejectedValue({ body: { message: 'ENTRASYNC_ADMIN_NO_ACCESS' } });
      const element = await mount();
      const toast = jest.fn();
      element.addEventListener(TOAST_EVENT, toast);
      fireRowAction(element, 'mappings-table', 'edit', MAPPINGS[0]);
      jest.advanceTimersByTime(300);
      await flushPromises();

      byId(element, 'test').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      const messages = toast.mock.calls.map((call) => call[0].detail.message);
      expect(messages).toEqual(['ENTRASYNC_ADMIN_NO_ACCESS', 'network down']);
    });
  });
});
