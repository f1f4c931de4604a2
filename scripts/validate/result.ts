/** One check applied to one file: it passes when it found no problems. */
export interface CheckResult {
  check: string;
  file: string;
  problems: string[];
}

export type Check = (results: CheckResult[]) => void;

/** Collects problems for one (check, file) pair and records the result even when there are none. */
export function record(results: CheckResult[], check: string, file: string, problems: string[]): void {
  results.push({ check, file, problems });
}
