/**
 * npm run org:create [-- --alias entrasync --duration-days 7 --target-dev-hub DEVHUB]
 *
 * Creates a scratch org from config/project-scratch-def.json (Enterprise edition with Communities, so external-licence
 * users such as Customer Community Plus can be provisioned), makes it the default target org, and gives its admin user a
 * role, because an external user's Contact must sit under an Account whose owner has a role.
 */
import path from 'node:path';
import { parseScriptOptions } from './lib/args.ts';
import { requireDevHub } from './lib/auth.ts';
import {
  ACCOUNT_OWNER_ROLE,
  assignRoleArgs,
  createRoleArgs,
  DEFAULT_SCRATCH_ALIAS,
  scratchOrgCreateArgs,
} from './lib/commands.ts';
import { runWhenEntryPoint, type ScriptContext } from './lib/context.ts';
import { EntraSyncError } from './lib/errors.ts';
import { packagedDirectory, readProjectJson } from './lib/project.ts';

interface ScratchOrgResult {
  username?: string;
  orgId?: string;
}

export async function createScratchOrg(context: ScriptContext): Promise<number> {
  const options = parseScriptOptions(context.argv);
  const devHub = await requireDevHub(options.targetDevHub);
  const project = readProjectJson(context.projectDir);
  const definitionFile = packagedDirectory(project).definitionFile ?? path.join('config', 'project-scratch-def.json');
  const alias = options.alias ?? DEFAULT_SCRATCH_ALIAS;

  context.log(`› creating scratch org "${alias}" from ${definitionFile} with Dev Hub ${devHub.username}`);
  const created = await context.sf.run<ScratchOrgResult>(
    scratchOrgCreateArgs({
      devHub: devHub.username,
      definitionFile,
      alias,
      durationDays: options.durationDays ?? 7,
      waitMinutes: options.wait ?? 30,
    }),
  );
  const username = created.result?.username;
  context.log(`✓ scratch org ${username ?? alias} (${created.result?.orgId ?? 'id unknown'}) is the default org`);
  if (!username) throw new EntraSyncError('ENTRASYNC_SF_NO_JSON', 'org create scratch reported no username.');

  context.log(
    `› giving ${username} the role ${ACCOUNT_OWNER_ROLE.developerName} (owners of external users' Accounts need a role)`,
  );
  const role = await context.sf.run<{ id?: string }>(createRoleArgs({ targetOrg: username, ...ACCOUNT_OWNER_ROLE }));
  if (!role.result?.id) throw new EntraSyncError('ENTRASYNC_SF_NO_JSON', 'data create record reported no UserRole id.');
  await context.sf.run(assignRoleArgs({ targetOrg: username, username, roleId: role.result.id }));
  context.log('✓ role assigned');
  context.log('  next: npm run deploy');
  return 0;
}

runWhenEntryPoint(import.meta.url, createScratchOrg);
