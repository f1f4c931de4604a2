import { LightningElement } from 'lwc';
import AdminRoot from 'localui/adminRoot';
import { getActivity } from 'localui/localApi';

const TOAST_MILLIS = 6000;
const ACTIVITY_POLL_MILLIS = 1500;

/**
 * The local page: the package's admin component (chosen at build time), the "Local tenant" panel and the users
 * table. It plays the part of Lightning Experience for toasts: `lightning__showtoast` events from any component
 * show an SLDS toast.
 */
export default class Shell extends LightningElement {
  adminConstructor = AdminRoot;
  toasts = [];
  activityText = 'idle';
  toastCounter = 0;

  connectedCallback() {
    this.template.addEventListener('lightning__showtoast', (event) => this.showToast(event.detail ?? {}));
    this.pollActivity();
    this.activityTimer = setInterval(() => this.pollActivity(), ACTIVITY_POLL_MILLIS);
  }

  disconnectedCallback() {
    clearInterval(this.activityTimer);
  }

  async pollActivity() {
    try {
      const activity = await getActivity();
      this.activityText = activity.pendingJobs > 0 ? `running async Apex (${activity.pendingJobs} queued)` : 'idle';
    } catch {
      this.activityText = 'local server unreachable';
    }
  }

  showToast({ title, message, variant }) {
    const key = `toast-${++this.toastCounter}`;
    const theme =
      { success: 'slds-theme_success', error: 'slds-theme_error', warning: 'slds-theme_warning' }[variant] ??
      'slds-theme_info';
    this.toasts = [
      ...this.toasts,
      { key, title: title ?? '', message: message ?? '', className: `slds-notify slds-notify_toast ${theme}` },
    ];
    setTimeout(() => {
      this.toasts = this.toasts.filter((toast) => toast.key !== key);
    }, TOAST_MILLIS);
  }
}
