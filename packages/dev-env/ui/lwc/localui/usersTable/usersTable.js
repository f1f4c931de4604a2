import { LightningElement } from 'lwc';
import { getUsers } from 'localui/localApi';

const REFRESH_MILLIS = 4000;
const COLUMNS = [
  { label: 'Username', fieldName: 'Username' },
  { label: 'Name', fieldName: 'Name' },
  { label: 'Title', fieldName: 'Title' },
  { label: 'Profile', fieldName: 'Profile' },
  { label: 'Permission sets', fieldName: 'PermissionSets' },
  { label: 'Active', fieldName: 'IsActive', type: 'boolean', initialWidth: 80 },
  { label: 'Frozen', fieldName: 'IsFrozen', type: 'boolean', initialWidth: 80 },
  { label: 'Contact', fieldName: 'ContactId', initialWidth: 180 },
];

/** Salesforce users in the local org that the sync links to Entra (refreshes while the page is open). */
export default class UsersTable extends LightningElement {
  users = [];
  columns = COLUMNS;
  error;

  connectedCallback() {
    this.refresh();
    this.timer = setInterval(() => this.refresh(), REFRESH_MILLIS);
  }

  disconnectedCallback() {
    clearInterval(this.timer);
  }

  get title() {
    const active = this.users.filter((u) => u.IsActive).length;
    return `Salesforce users linked to Entra (${this.users.length}, ${active} active)`;
  }

  refresh = async () => {
    try {
      this.users = await getUsers();
      this.error = undefined;
    } catch (e) {
      this.error = e.message;
    }
  };
}
