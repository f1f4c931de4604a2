import { changeUserLabel, formatRunCounts, type Change, type RunSummary } from 'c/entraSyncAdminUtils';

jest.mock('@salesforce/label/c.EntraSync_Counts_Created', () => ({ default: '{0} created' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Counts_Updated', () => ({ default: '{0} updated' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Counts_Deactivated', () => ({ default: '{0} deactivated' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Counts_Frozen', () => ({ default: '{0} frozen' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Counts_Reactivated', () => ({ default: '{0} reactivated' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Counts_Adopted', () => ({ default: '{0} adopted' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Counts_Skipped', () => ({ default: '{0} skipped' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Counts_Failed', () => ({ default: '{0} failed' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Counts_None', () => ({ default: 'No changes' }), { virtual: true });

const RUN: RunSummary = { id: 'a01', name: 'RUN-000001', status: 'Completed', isDryRun: false, isActive: false };

describe('formatRunCounts', () => {
  it('names every action that happened, and always the failures', () => {
    expect(formatRunCounts({ ...RUN, created: 6, updated: 3, deactivated: 3, frozen: 2, failed: 0 })).toBe(
      '6 created · 3 updated · 3 deactivated · 2 frozen · 0 failed',
    );
    expect(formatRunCounts({ ...RUN, reactivated: 1, adopted: 4, skipped: 2, failed: 5 })).toBe(
      '1 reactivated · 4 adopted · 2 skipped · 5 failed',
    );
  });

  it('says a run changed nothing, and is blank without a run', () => {
    expect(formatRunCounts({ ...RUN, created: 0, failed: null })).toBe('No changes · 0 failed');
    expect(formatRunCounts(null)).toBe('');
  });
});

describe('changeUserLabel', () => {
  const change: Change = { id: 'c1', name: 'CHG-1', action: 'Deactivate', status: 'Applied', fieldChanges: [] };

  it('reads "display name (username)" from Entra, else from the linked Salesforce user', () => {
    expect(changeUserLabel({ ...change, displayName: 'Adele Vance', userPrincipalName: 'adele@contoso.com' })).toBe(
      'Adele Vance (adele@contoso.com)',
    );
    expect(
      changeUserLabel({
        ...change,
        entraObjectId: 'e-1',
        salesforceName: 'Adele Vance',
        salesforceUsername: 'adele@contoso.com.sf',
      }),
    ).toBe('Adele Vance (adele@contoso.com.sf)');
  });

  it('falls back to whichever name there is, and to the object id only when nothing names the person', () => {
    expect(changeUserLabel({ ...change, userPrincipalName: 'adele@contoso.com', entraObjectId: 'e-1' })).toBe(
      'adele@contoso.com',
    );
    expect(changeUserLabel({ ...change, entraObjectId: 'e-1' })).toBe('e-1');
    expect(
      changeUserLabel({ ...change, salesforceName: 'lee@contoso.com', salesforceUsername: 'lee@contoso.com' }),
    ).toBe('lee@contoso.com');
    expect(changeUserLabel(change)).toBe('');
  });
});
