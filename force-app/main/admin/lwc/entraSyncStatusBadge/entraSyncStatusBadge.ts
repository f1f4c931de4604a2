import { LightningElement, api } from 'lwc';
import RUN_STATUS_PREFIX from '@salesforce/label/c.EntraSync_RunStatus_Prefix';
import STATUS_QUEUED from '@salesforce/label/c.EntraSync_RunStatus_Queued';
import STATUS_FETCHING from '@salesforce/label/c.EntraSync_RunStatus_Fetching';
import STATUS_PLANNING from '@salesforce/label/c.EntraSync_RunStatus_Planning';
import STATUS_AWAITING_APPROVAL from '@salesforce/label/c.EntraSync_RunStatus_AwaitingApproval';
import STATUS_PREPARING from '@salesforce/label/c.EntraSync_RunStatus_Preparing';
import STATUS_APPLYING from '@salesforce/label/c.EntraSync_RunStatus_Applying';
import STATUS_RECORDING from '@salesforce/label/c.EntraSync_RunStatus_Recording';
import STATUS_COMPLETED from '@salesforce/label/c.EntraSync_RunStatus_Completed';
import STATUS_COMPLETED_WITH_ERRORS from '@salesforce/label/c.EntraSync_RunStatus_CompletedWithErrors';
import STATUS_FAILED from '@salesforce/label/c.EntraSync_RunStatus_Failed';
import STATUS_REJECTED from '@salesforce/label/c.EntraSync_RunStatus_Rejected';
import STATUS_UNKNOWN from '@salesforce/label/c.EntraSync_RunStatus_Unknown';

/** How a run status looks: the SLDS badge theme class and an icon, so the status never relies on colour alone. */
interface StatusAppearance {
  readonly label: string;
  readonly themeClass: string;
  readonly iconName: string;
}

const IN_PROGRESS_THEME = 'slds-badge_inverse';
const IN_PROGRESS_ICON = 'utility:sync';

/**
 * Keyed by the API values of the EntraSyncRun__c.Status__c picklist. lightning-badge takes SLDS colour classes
 * through `class` (https://developer.salesforce.com/docs/component-library/bundle/lightning-badge).
 */
const APPEARANCE_BY_STATUS: Readonly<Record<string, StatusAppearance>> = {
  Queued: { label: STATUS_QUEUED, themeClass: 'slds-badge_lightest', iconName: 'utility:clock' },
  Fetching: { label: STATUS_FETCHING, themeClass: IN_PROGRESS_THEME, iconName: IN_PROGRESS_ICON },
  Planning: { label: STATUS_PLANNING, themeClass: IN_PROGRESS_THEME, iconName: IN_PROGRESS_ICON },
  AwaitingApproval: { label: STATUS_AWAITING_APPROVAL, themeClass: 'slds-theme_warning', iconName: 'utility:approval' },
  Preparing: { label: STATUS_PREPARING, themeClass: IN_PROGRESS_THEME, iconName: IN_PROGRESS_ICON },
  Applying: { label: STATUS_APPLYING, themeClass: IN_PROGRESS_THEME, iconName: IN_PROGRESS_ICON },
  Recording: { label: STATUS_RECORDING, themeClass: IN_PROGRESS_THEME, iconName: IN_PROGRESS_ICON },
  Completed: { label: STATUS_COMPLETED, themeClass: 'slds-theme_success', iconName: 'utility:success' },
  CompletedWithErrors: {
    label: STATUS_COMPLETED_WITH_ERRORS,
    themeClass: 'slds-theme_warning',
    iconName: 'utility:warning',
  },
  Failed: { label: STATUS_FAILED, themeClass: 'slds-theme_error', iconName: 'utility:error' },
  Rejected: { label: STATUS_REJECTED, themeClass: 'slds-badge_lightest', iconName: 'utility:ban' },
};

const UNKNOWN_APPEARANCE: StatusAppearance = {
  label: STATUS_UNKNOWN,
  themeClass: 'slds-badge_lightest',
  iconName: 'utility:question',
};

/**
 * A pill showing a sync run's status (EntraSyncRun__c.Status__c) with the SLDS theme that matches it.
 * Screen readers hear "Run status: <status>"; the icon is decorative because the text carries the meaning.
 */
export default class EntraSyncStatusBadge extends LightningElement {
  /** API value of EntraSyncRun__c.Status__c, e.g. `CompletedWithErrors`. Unknown or blank values show as "Unknown". */
  @api status: string | undefined;

  readonly statusPrefix = RUN_STATUS_PREFIX;

  get appearance(): StatusAppearance {
    const status = this.status?.trim() ?? '';
    return Object.prototype.hasOwnProperty.call(APPEARANCE_BY_STATUS, status)
      ? APPEARANCE_BY_STATUS[status]
      : UNKNOWN_APPEARANCE;
  }

  get label(): string {
    return this.appearance.label;
  }

  get badgeClass(): string {
    return this.appearance.themeClass;
  }

  get iconName(): string {
    return this.appearance.iconName;
  }
}
