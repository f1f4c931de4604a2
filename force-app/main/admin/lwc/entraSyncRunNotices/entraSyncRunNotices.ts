import { LightningElement, api } from 'lwc';
import LABELS from './labels';

/** A notice split for display: its stable code (bold) and what happened and what to do. */
interface NoticeRow {
  key: string;
  code: string;
  text: string;
}

/** `ENTRASYNC_LEAVE_DATES_UNREADABLE: …` → the code and the rest; EntraSyncRunLogger.notice starts every line so. */
const CODE_PREFIX = /^([A-Z][A-Z0-9_]*):\s*/;

/**
 * A run's notices (`RunSummary.notices`, one line of EntraSyncRun__c.Notices__c each): something the run could not
 * do fully and what the admin should do. Each shows as an SLDS warning, its code first in bold; nothing renders
 * when there are none. Polite (`role="status"`): a notice needs action, but it is not an error of this screen.
 */
export default class EntraSyncRunNotices extends LightningElement {
  readonly labels = LABELS;

  /** The notice lines; blank or missing shows nothing. */
  @api notices: string[] | null | undefined;

  get hasNotices(): boolean {
    return this.rows.length > 0;
  }

  get rows(): NoticeRow[] {
    return (this.notices ?? [])
      .filter((notice) => notice.trim() !== '')
      .map((notice, index) => ({ key: `notice-${index}`, ...splitNotice(notice.trim()) }));
  }
}

/** A line without a leading code (written by hand on the record) shows as text only. */
function splitNotice(notice: string): { code: string; text: string } {
  const match = CODE_PREFIX.exec(notice);
  return match ? { code: match[1], text: notice.slice(match[0].length) } : { code: '', text: notice };
}
