// The counters of a run as one line an admin reads at a glance; the comment after each import is the label's value.
import CREATED from '@salesforce/label/c.EntraSync_Counts_Created'; // {0} created
import UPDATED from '@salesforce/label/c.EntraSync_Counts_Updated'; // {0} updated
import DEACTIVATED from '@salesforce/label/c.EntraSync_Counts_Deactivated'; // {0} deactivated
import FROZEN from '@salesforce/label/c.EntraSync_Counts_Frozen'; // {0} frozen
import REACTIVATED from '@salesforce/label/c.EntraSync_Counts_Reactivated'; // {0} reactivated
import ADOPTED from '@salesforce/label/c.EntraSync_Counts_Adopted'; // {0} adopted
import SKIPPED from '@salesforce/label/c.EntraSync_Counts_Skipped'; // {0} skipped
import FAILED from '@salesforce/label/c.EntraSync_Counts_Failed'; // {0} failed
import NONE from '@salesforce/label/c.EntraSync_Counts_None'; // No changes
import type { RunSummary } from './dto';

/** The counters a run reports, in the order an admin reads them, each with its label. */
const COUNTERS: readonly { key: keyof RunSummary; label: string }[] = [
  { key: 'created', label: CREATED },
  { key: 'updated', label: UPDATED },
  { key: 'deactivated', label: DEACTIVATED },
  { key: 'frozen', label: FROZEN },
  { key: 'reactivated', label: REACTIVATED },
  { key: 'adopted', label: ADOPTED },
  { key: 'skipped', label: SKIPPED },
  { key: 'failed', label: FAILED },
];

const SEPARATOR = ' · ';

/**
 * Every action a run took, as `6 created · 3 updated · 2 frozen · 0 failed`: actions with a count of zero are left
 * out, except `failed`, which is always shown so a clean run says so. A run that changed nothing reads "No changes".
 */
export function formatRunCounts(run: RunSummary | null | undefined): string {
  if (!run) {
    return '';
  }
  const parts: string[] = [];
  for (const { key, label } of COUNTERS) {
    const count = Number(run[key] ?? 0);
    if (count > 0 || key === 'failed') {
      parts.push(label.replace('{0}', String(count)));
    }
  }
  return parts.length === 1 && Number(run.failed ?? 0) === 0 ? `${NONE}${SEPARATOR}${parts[0]}` : parts.join(SEPARATOR);
}
