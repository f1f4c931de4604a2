import { ConfigAggregator, Org, OrgConfigProperties, StateAggregator } from '@salesforce/core';
import { EntraSyncError } from './errors.ts';

export interface AuthorisedOrg {
  /** the alias or username the user gave (or the configured default) */
  aliasOrUsername: string;
  username: string;
  orgId: string;
  instanceUrl?: string;
}

type Role = 'devhub' | 'org';

const HINTS: Record<Role, { code: string; missing: string; fix: string }> = {
  devhub: {
    code: 'ENTRASYNC_NO_DEVHUB',
    missing: 'No Dev Hub is authorised.',
    fix:
      'Run sf org login web --set-default-dev-hub --alias devhub (a production or Developer Edition org with Dev Hub ' +
      'enabled), or pass --target-dev-hub ALIAS.',
  },
  org: {
    code: 'ENTRASYNC_NO_ORG',
    missing: 'No target org is authorised.',
    fix:
      'Run npm run org:create (scratch org) or sf org login web --set-default --alias entrasync, or pass ' +
      '--target-org ALIAS.',
  },
};

/**
 * Resolves the org a script will talk to from local auth files only (no network): the explicit alias/username or the
 * configured default (`target-dev-hub` / `target-org`), then checks that an auth file exists for it and that
 * `Org.create` can load it. Fails before any `sf` command is started.
 */
async function resolveAuthorisedOrg(role: Role, explicit: string | undefined): Promise<AuthorisedOrg> {
  const hint = HINTS[role];
  const configKey = role === 'devhub' ? OrgConfigProperties.TARGET_DEV_HUB : OrgConfigProperties.TARGET_ORG;
  let aliasOrUsername = explicit;
  if (!aliasOrUsername) {
    const config = await ConfigAggregator.create();
    const configured = config.getPropertyValue(configKey);
    aliasOrUsername = typeof configured === 'string' && configured ? configured : undefined;
  }
  if (!aliasOrUsername) throw new EntraSyncError(hint.code, `${hint.missing} ${hint.fix}`);

  const state = await StateAggregator.getInstance();
  const username = state.aliases.resolveUsername(aliasOrUsername);
  if (!(await state.orgs.hasFile(username))) {
    throw new EntraSyncError(hint.code, `"${aliasOrUsername}" is not authorised on this machine. ${hint.fix}`);
  }
  let org: Org;
  try {
    org = await Org.create({ aliasOrUsername: username });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EntraSyncError(
      hint.code,
      `The auth for "${aliasOrUsername}" cannot be loaded (${reason}). Log in again.`,
    );
  }
  return {
    aliasOrUsername,
    username: org.getUsername() ?? username,
    orgId: org.getOrgId(),
    instanceUrl: org.getField<string>(Org.Fields.INSTANCE_URL) ?? undefined,
  };
}

export function requireDevHub(explicit?: string): Promise<AuthorisedOrg> {
  return resolveAuthorisedOrg('devhub', explicit);
}

export function requireTargetOrg(explicit?: string): Promise<AuthorisedOrg> {
  return resolveAuthorisedOrg('org', explicit);
}
