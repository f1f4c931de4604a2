import { parseArgs } from 'node:util';
import { EntraSyncError } from './errors.ts';

export interface ScriptOptions {
  targetOrg?: string;
  targetDevHub?: string;
  alias?: string;
  package?: string;
  durationDays?: number;
  wait?: number;
  skipBuild: boolean;
}

/** Parses the flags the org scripts accept (`npm run deploy -- --target-org ALIAS`); unknown flags are an error. */
export function parseScriptOptions(argv: readonly string[]): ScriptOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'target-org': { type: 'string', short: 'o' },
        'target-dev-hub': { type: 'string', short: 'v' },
        alias: { type: 'string', short: 'a' },
        package: { type: 'string', short: 'p' },
        'duration-days': { type: 'string' },
        wait: { type: 'string', short: 'w' },
        'skip-build': { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new EntraSyncError('ENTRASYNC_BAD_ARGS', error instanceof Error ? error.message : String(error));
  }
  return {
    targetOrg: values['target-org'],
    targetDevHub: values['target-dev-hub'],
    alias: values.alias,
    package: values.package,
    durationDays: positiveInteger('--duration-days', values['duration-days']),
    wait: positiveInteger('--wait', values.wait),
    skipBuild: values['skip-build'] ?? false,
  };
}

function positiveInteger(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new EntraSyncError('ENTRASYNC_BAD_ARGS', `${flag} needs a positive whole number, got "${raw}".`);
  }
  return value;
}
