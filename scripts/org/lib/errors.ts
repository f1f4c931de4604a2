/**
 * An error the person running a script reads: a stable code plus what to do about it.
 */
export class EntraSyncError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = 'EntraSyncError';
    this.code = code;
  }
}

/** Prints an error for a human and returns the exit code the script should end with. */
export function reportFailure(error: unknown, print: (line: string) => void = console.error): number {
  if (error instanceof EntraSyncError) {
    print(error.message);
  } else if (error instanceof Error) {
    print(`ENTRASYNC_UNEXPECTED: ${error.message}`);
  } else {
    print(`ENTRASYNC_UNEXPECTED: ${String(error)}`);
  }
  return 1;
}
