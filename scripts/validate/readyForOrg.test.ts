/**
 * The checks that stop a real deploy or `sf package version create` before an org does:
 * - "unpackaged paths exist" (DX Developer Guide, "Specify Unpackaged Metadata or Apex Access for Apex Tests");
 * - "each enabled user permission in a permission set has its dependencies" (Tooling API, "PermissionDependency");
 * - "every Apex entry point declares its sharing" (Apex Developer Guide, "Using the with sharing, without sharing,
 *   and inherited sharing Keywords": an inherited sharing entry point runs with sharing).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureProject } from '../org/lib/fixtureProject.ts';
import { fixturePackageFiles } from './fixturePackage.ts';
import { requiredPermissions } from './permissionDependencies.ts';
import { classDeclarations } from './checks/sharing.ts';
import { formatValidation, validateProject } from './run.ts';

const P = 'force-app/main';
const INTEGRATION = `${P}/admin/permissionsets/EntraSyncIntegration.permissionset-meta.xml`;

async function failuresAfter(change: (files: Record<string, string>) => void): Promise<string[]> {
  const files = fixturePackageFiles();
  change(files);
  const project = fixtureProject(files);
  try {
    const results = await validateProject(project.dir, { convert: false });
    return formatValidation(results, project.dir).lines.filter((line) => line.startsWith('FAIL'));
  } finally {
    project.remove();
  }
}

const userPermission = (name: string): string =>
  `<userPermissions><enabled>true</enabled><name>${name}</name></userPermissions>`;

const addToIntegration = (files: Record<string, string>, xml: string): void => {
  const before = files[INTEGRATION];
  assert.ok(before?.includes('</PermissionSet>'));
  files[INTEGRATION] = before.replace('</PermissionSet>', `${xml}\n</PermissionSet>`);
};

describe('validate: unpackaged paths exist', () => {
  it('names an unpackagedMetadata path that is not on disk', async () => {
    const failures = await failuresAfter((files) => delete files['unpackaged/classes/.keep']);
    assert.equal(failures.length, 1, failures.join('\n'));
    assert.match(
      failures[0] ?? '',
      /^FAIL unpackaged paths exist — sfdx-project\.json: .*unpackaged: no such directory/,
    );
  });
});

describe('validate: each enabled user permission in a permission set has its dependencies', () => {
  it('rejects ManageUsers alone, as a deploy does', async () => {
    const failures = await failuresAfter((files) => addToIntegration(files, userPermission('ManageUsers')));
    assert.equal(failures.length, 1, failures.join('\n'));
    assert.match(failures[0] ?? '', /userPermissions ManageUsers: needs ManageInternalUsers, .*ViewSetup/);
  });

  it('accepts ManageUsers with every permission it depends on', async () => {
    const failures = await failuresAfter((files) =>
      addToIntegration(files, ['ManageUsers', ...requiredPermissions('ManageUsers')].map(userPermission).join('')),
    );
    assert.deepEqual(failures, []);
  });

  it('follows dependencies transitively', () => {
    assert.ok(requiredPermissions('ManageInternalUsers').includes('ViewSetup'));
    assert.ok(!requiredPermissions('ManageUsers').includes('ManageUsers'), 'a permission never requires itself');
  });
});

describe('validate: every Apex entry point declares its sharing', () => {
  const cls = (name: string, source: string) => (files: Record<string, string>) => {
    files[`${P}/sync/classes/${name}.cls`] = source;
    files[`${P}/sync/classes/${name}.cls-meta.xml`] =
      '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><status>Active</status></ApexClass>\n';
  };

  it('flags an inherited sharing Queueable (it would run with sharing as the entry point)', async () => {
    const failures = await failuresAfter(
      cls(
        'EntraSyncJob',
        'public inherited sharing class EntraSyncJob implements Queueable {\n    public void execute(QueueableContext c) {}\n}\n',
      ),
    );
    assert.equal(failures.length, 1, failures.join('\n'));
    assert.match(failures[0] ?? '', /EntraSyncJob is an async entry point declared inherited sharing/);
  });

  it('flags a subclass of an entry point, and a without sharing job whose ApexDoc does not say why', async () => {
    const failures = await failuresAfter((files) => {
      cls(
        'EntraSyncBase',
        '/**\n * @description Runs in system context on purpose.\n */\npublic abstract without sharing class EntraSyncBase implements Queueable {\n    public void execute(QueueableContext c) {}\n}\n',
      )(files);
      cls('EntraSyncChild', 'public class EntraSyncChild extends EntraSyncBase {\n}\n')(files);
      cls(
        'EntraSyncSilent',
        '/**\n * @description Does work.\n */\npublic without sharing class EntraSyncSilent implements Schedulable {\n    public void execute(SchedulableContext c) {}\n}\n',
      )(files);
    });
    assert.equal(failures.length, 2, failures.join('\n'));
    assert.ok(
      failures.some((f) => /EntraSyncChild is an async entry point declared without a sharing keyword/.test(f)),
    );
    assert.ok(failures.some((f) => /EntraSyncSilent is without sharing: its ApexDoc must say/.test(f)));
  });

  it('requires with sharing on a class with @AuraEnabled methods, not on a DTO with @AuraEnabled fields', async () => {
    const failures = await failuresAfter((files) => {
      cls(
        'EntraSyncOpenController',
        "public without sharing class EntraSyncOpenController {\n    @AuraEnabled\n    public static String ping() {\n        return 'pong';\n    }\n}\n",
      )(files);
      cls(
        'EntraSyncDto',
        'public inherited sharing class EntraSyncDto {\n    @AuraEnabled\n    public String name;\n}\n',
      )(files);
    });
    assert.equal(failures.length, 1, failures.join('\n'));
    assert.match(failures[0] ?? '', /EntraSyncOpenController has @AuraEnabled.*must be "with sharing"/);
  });

  it('flags a Schedulable that references another package class (upgrades fail while it is scheduled)', async () => {
    const failures = await failuresAfter((files) => {
      cls(
        'EntraSyncWork',
        '/**\n * @description Runs in system context on purpose.\n */\npublic without sharing class EntraSyncWork implements Queueable {\n    public void execute(QueueableContext c) {}\n}\n',
      )(files);
      cls(
        'EntraSyncTimer',
        "/**\n * @description Runs in system context on purpose.\n */\npublic without sharing class EntraSyncTimer implements Schedulable {\n    public void execute(SchedulableContext c) {\n        System.enqueueJob(new EntraSyncWork());\n        Type.forName('EntraSyncWork');\n    }\n}\n",
      )(files);
    });
    assert.equal(failures.length, 1, failures.join('\n'));
    assert.match(
      failures[0] ?? '',
      /a schedulable class references no other class — .*EntraSyncTimer\.cls: references EntraSyncWork/,
    );
  });

  it('reads keywords only from code, not from comments or strings', () => {
    const [declaration] = classDeclarations(
      "// public with sharing class Fake {}\npublic without sharing class Real implements Queueable { String s = 'with sharing class X {'; }",
    );
    assert.equal(declaration?.name, 'Real');
    assert.equal(declaration?.sharing, 'without');
  });
});
