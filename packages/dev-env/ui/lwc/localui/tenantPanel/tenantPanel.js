import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { applyNextChangeSet, getTenant } from 'localui/localApi';

/** The simulated Entra tenant: what it holds, and a button that applies its next scripted change set. */
export default class TenantPanel extends LightningElement {
  tenant;
  error;
  busy = false;

  connectedCallback() {
    this.refresh();
  }

  async refresh() {
    try {
      this.tenant = await getTenant();
      this.error = undefined;
    } catch (e) {
      this.error = e.message;
    }
  }

  get nextChangeSet() {
    return this.tenant?.changeSets[this.tenant.appliedChangeSets];
  }

  get changeSetProgress() {
    return `${this.tenant.appliedChangeSets} of ${this.tenant.changeSets.length} applied`;
  }

  get nextChangeSetText() {
    return this.nextChangeSet ? `Next change set: “${this.nextChangeSet}”.` : 'All change sets are applied.';
  }

  get applyLabel() {
    return this.nextChangeSet === 'weekly org update'
      ? 'Simulate the weekly org update'
      : `Apply “${this.nextChangeSet ?? '—'}”`;
  }

  get applyDisabled() {
    return this.busy || !this.nextChangeSet;
  }

  async handleApply() {
    this.busy = true;
    try {
      const result = await applyNextChangeSet();
      this.dispatchEvent(
        new ShowToastEvent({
          title: 'Change set applied in Entra',
          message: `“${result.applied}” is in the tenant. Run a sync to bring it to Salesforce.`,
          variant: 'success',
        }),
      );
      await this.refresh();
    } catch (e) {
      this.dispatchEvent(
        new ShowToastEvent({ title: 'Could not apply the change set', message: e.message, variant: 'error' }),
      );
    } finally {
      this.busy = false;
    }
  }
}
