/**
 * npm run org:create [-- --alias entrasync --duration-days 7 --target-dev-hub DEVHUB]
 *
 * Creates a scratch org from config/project-scratch-def.json (Enterprise edition with Communities, so external-licence
 * users such as Customer Community Plus can be provisioned) and makes it the default target org.
 */
import path from 'node:path';
import { parseScriptOptions } from './lib/args.js';
import { requireDevHub } from './lib/auth.js';
import { DEFAULT_SCRATCH_ALIAS, scratchOrgCreateArgs } from './lib/commands.js';
import { runWhenEntryPoint, type ScriptContext } from './lib/context.js';
import { packagedDirectory, readProjectJson } from './lib/project.js';

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
  context.log(
    `✓ scratch org ${created.result?.username ?? alias} (${created.result?.orgId ?? 'id unknown'}) is the default org`,
  );
  context.log('  next: npm run deploy');
  return 0;
}

runWhenEntryPoint(import.meta.url, createScratchOrg);
