import { LightningElement, api } from 'lwc';

/** A date and time as the admin screens show them (e.g. "Nov 23, 2026, 08:00 AM"), in the admin's locale and zone. */
export default class EntraSyncDateTime extends LightningElement {
  /** ISO 8601 date-time, or blank */
  @api value: string | null | undefined;
}
