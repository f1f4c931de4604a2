import { createElement } from 'lwc';
import EntraSyncStatusBadge from 'c/entraSyncStatusBadge';

interface BadgeStub extends HTMLElement {
  label: string;
  iconName: string;
}

function renderBadge(status: string | undefined): HTMLElement & { status?: string } {
  const element = createElement('c-entra-sync-status-badge', { is: EntraSyncStatusBadge }) as HTMLElement & {
    status?: string;
  };
  element.status = status;
  document.body.appendChild(element);
  return element;
}

function badgeOf(element: HTMLElement): BadgeStub {
  const badge = element.shadowRoot?.querySelector<BadgeStub>('lightning-badge');
  if (!badge) throw new Error('lightning-badge was not rendered');
  return badge;
}

describe('c-entra-sync-status-badge', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  // Jest resolves @salesforce/label/c.X to the string "c.X", so labels show as their names here.
  it.each([
    ['Completed', 'slds-theme_success', 'utility:success', 'c.EntraSync_RunStatus_Completed'],
    ['CompletedWithErrors', 'slds-theme_warning', 'utility:warning', 'c.EntraSync_RunStatus_CompletedWithErrors'],
    ['Failed', 'slds-theme_error', 'utility:error', 'c.EntraSync_RunStatus_Failed'],
    ['AwaitingApproval', 'slds-theme_warning', 'utility:approval', 'c.EntraSync_RunStatus_AwaitingApproval'],
    ['Applying', 'slds-badge_inverse', 'utility:sync', 'c.EntraSync_RunStatus_Applying'],
    ['Queued', 'slds-badge_lightest', 'utility:clock', 'c.EntraSync_RunStatus_Queued'],
    ['Rejected', 'slds-badge_lightest', 'utility:ban', 'c.EntraSync_RunStatus_Rejected'],
  ])('shows %s with theme %s, icon %s and its label', (status, themeClass, iconName, label) => {
    const badge = badgeOf(renderBadge(status));

    expect(badge.classList.contains(themeClass)).toBe(true);
    expect(badge.iconName).toBe(iconName);
    expect(badge.label).toBe(label);
  });

  it.each([[undefined], [''], ['NotAStatus'], ['toString']])('shows %p as Unknown', (status) => {
    const badge = badgeOf(renderBadge(status));

    expect(badge.label).toBe('c.EntraSync_RunStatus_Unknown');
    expect(badge.classList.contains('slds-badge_lightest')).toBe(true);
  });

  it('updates the badge when the status changes', async () => {
    const element = renderBadge('Fetching');
    element.status = 'Completed';
    await Promise.resolve();

    expect(badgeOf(element).label).toBe('c.EntraSync_RunStatus_Completed');
    expect(badgeOf(element).classList.contains('slds-badge_inverse')).toBe(false);
  });

  it('announces the status with an assistive-text prefix for screen readers', () => {
    const element = renderBadge('Failed');
    const prefix = element.shadowRoot?.querySelector('.slds-assistive-text');

    expect(prefix?.textContent).toBe('c.EntraSync_RunStatus_Prefix');
  });

  it('is accessible', async () => {
    const element = renderBadge('CompletedWithErrors');

    await expect(element).toBeAccessible();
  });
});
