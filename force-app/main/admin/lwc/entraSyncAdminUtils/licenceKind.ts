import KIND_INTERNAL from '@salesforce/label/c.EntraSync_Common_KindInternal';
import KIND_EXTERNAL from '@salesforce/label/c.EntraSync_Common_KindExternal';
import KIND_UNIFIED_EMPLOYEE from '@salesforce/label/c.EntraSync_Common_KindUnifiedEmployee';
import PERSON_ACCOUNT from '@salesforce/label/c.EntraSync_Detail_PersonAccount';
import EMPLOYEE from '@salesforce/label/c.EntraSync_Detail_Employee';
import EMPLOYEE_ENDED from '@salesforce/label/c.EntraSync_Detail_EmployeeEnded';
import NO_EMPLOYEE from '@salesforce/label/c.EntraSync_Detail_NoEmployee';
import type { Change } from './dto';
import { formatLabel } from './format';

const KIND_NAMES: Readonly<Record<string, string>> = {
  Internal: KIND_INTERNAL,
  External: KIND_EXTERNAL,
  UnifiedEmployee: KIND_UNIFIED_EMPLOYEE,
};

/** A licence kind (Internal, External, UnifiedEmployee) by its name for admins; an unknown value as it is. */
export function licenceKindName(kind: string | null | undefined): string {
  return (kind && KIND_NAMES[kind]) || kind || '';
}

/** The date part of an ISO date-time (the day the status changed; the time carries no meaning here). */
function isoDate(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : '';
}

/** A Unified Employee user's chain on a change, as lines: Person Account, then Employee2 number, status and dates. */
export function employeeChainLines(change: Change): string[] {
  const chain = change.employeeChain;
  if (change.licenceKind !== 'UnifiedEmployee' || !chain) {
    return [];
  }
  const lines: string[] = [];
  if (chain.personAccountName) {
    lines.push(formatLabel(PERSON_ACCOUNT, chain.personAccountName));
  }
  if (!chain.employeeId) {
    lines.push(NO_EMPLOYEE);
    return lines;
  }
  let employee = formatLabel(
    EMPLOYEE,
    chain.employeeNumber ?? '',
    chain.employeeStatus ?? '',
    isoDate(chain.statusStartDate),
  );
  if (chain.statusEndDate) {
    employee += `, ${formatLabel(EMPLOYEE_ENDED, isoDate(chain.statusEndDate))}`;
  }
  lines.push(employee);
  return lines;
}
