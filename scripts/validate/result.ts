/** One check applied to one file: it passes when it found no problems. */
export interface CheckResult {
  check: string;
  file: string;
  problems: string[];
}

/** Records one (check, file) result — also when it found no problems, so passes are counted. */
export function record(results: CheckResult[], check: string, file: string, problems: string[]): void {
  results.push({ check, file, problems });
}
