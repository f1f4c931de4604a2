import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureProject } from '../org/lib/fixtureProject.ts';
import { fixturePackageFiles } from './fixturePackage.ts';
import { formatValidation, validateProject } from './run.ts';

const P = 'force-app/main';

/** Runs the reference and grant checks (no sf) on the fixture package with `change` applied. */
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

const replaceIn = (files: Record<string, string>, file: string, from: string, to: string): void => {
  const before = files[file];
  assert.ok(before?.includes(from), `fixture ${file} contains ${from}`);
  files[file] = before.replace(from, to);
};

describe('validate: a package whose references all resolve', () => {
  it('passes every check (no false alarms on report types, reports, flexipages, permission sets, LWC imports)', async () => {
    assert.deepEqual(await failuresAfter(() => {}), []);
  });

  it('prints the summary lines npm test reads', async () => {
    const project = fixtureProject(fixturePackageFiles());
    try {
      const { lines, failed } = formatValidation(await validateProject(project.dir, { convert: false }), project.dir);
      assert.equal(failed, 0);
      assert.match(lines.at(-2) ?? '', /^validate: \d+ checks passed, 0 failed$/);
      assert.match(lines.at(-1) ?? '', /^\d+ passed, 0 failed$/);
    } finally {
      project.remove();
    }
  });
});

describe('validate: broken references are named with file and reference', () => {
  it('catches a report column naming a field that does not exist', async () => {
    const report = `${P}/runlog/reports/EntraSyncReports/EntraSyncRunsByStatus.report-meta.xml`;
    const failures = await failuresAfter((files) =>
      replaceIn(files, report, 'EntraSyncRun__c$Name', 'EntraSyncRun__c$Missing__c'),
    );
    assert.deepEqual(failures, [
      `FAIL report columns resolve — ${report}: EntraSyncRun__c$Missing__c: not a column of report type EntraSyncRunsWithChanges`,
    ]);
  });

  it('catches a report type column on a field the object lacks', async () => {
    const reportType = `${P}/runlog/reportTypes/EntraSyncRunsWithChanges.reportType-meta.xml`;
    const failures = await failuresAfter((files) =>
      replaceIn(files, reportType, '<field>Action__c</field>', '<field>Verb__c</field>'),
    );
    assert.ok(
      failures.some(
        (f) =>
          f.includes(reportType) &&
          f.includes('column EntraSyncRun__c.Changes__r.Verb__c: field EntraSyncChange__c.Verb__c does not exist'),
      ),
      failures.join('\n'),
    );
  });

  it('catches a permission set naming a class that does not exist', async () => {
    const permissionSet = `${P}/admin/permissionsets/EntraSyncAdmin.permissionset-meta.xml`;
    const failures = await failuresAfter((files) => {
      replaceIn(
        files,
        permissionSet,
        '</classAccesses>',
        '</classAccesses><classAccesses><apexClass>EntraSyncGhost</apexClass><enabled>true</enabled></classAccesses>',
      );
    });
    assert.deepEqual(failures, [
      `FAIL permission set references resolve — ${permissionSet}: classAccesses EntraSyncGhost: class is not in the package`,
    ]);
  });

  it('catches a flexipage component without an LWC bundle and a tab pointing at a missing flexipage', async () => {
    const failures = await failuresAfter((files) => {
      replaceIn(
        files,
        `${P}/admin/flexipages/EntraSyncAdmin.flexipage-meta.xml`,
        'c:entraSyncAdminHome',
        'c:entraSyncNowhere',
      );
      replaceIn(
        files,
        `${P}/admin/tabs/EntraSyncAdmin.tab-meta.xml`,
        '<flexiPage>EntraSyncAdmin<',
        '<flexiPage>EntraSyncElsewhere<',
      );
    });
    assert.ok(
      failures.some((f) =>
        f.includes('EntraSyncAdmin.flexipage-meta.xml: component c:entraSyncNowhere: no LWC bundle entraSyncNowhere'),
      ),
      failures.join('\n'),
    );
    assert.ok(
      failures.some((f) =>
        f.includes('EntraSyncAdmin.tab-meta.xml: flexiPage EntraSyncElsewhere is not in the package'),
      ),
      failures.join('\n'),
    );
  });

  it('catches a flexipage component that is not exposed for app pages (the deploy would fail)', async () => {
    const failures = await failuresAfter((files) =>
      replaceIn(
        files,
        `${P}/admin/lwc/entraSyncAdminHome/entraSyncAdminHome.js-meta.xml`,
        'lightning__AppPage',
        'lightning__RecordPage',
      ),
    );
    assert.deepEqual(failures, [
      `FAIL flexipage components resolve — ${P}/admin/flexipages/EntraSyncAdmin.flexipage-meta.xml: component c:entraSyncAdminHome: entraSyncAdminHome.js-meta.xml lacks target lightning__AppPage`,
    ]);
  });

  it('catches an LWC calling an Apex method that is not @AuraEnabled and a child component that does not exist', async () => {
    const failures = await failuresAfter((files) => {
      replaceIn(
        files,
        `${P}/admin/lwc/entraSyncAdminHome/entraSyncAdminHome.ts`,
        'EntraSyncAdminController.getRuns',
        'EntraSyncAdminController.deleteRuns',
      );
      replaceIn(
        files,
        `${P}/admin/lwc/entraSyncAdminHome/entraSyncAdminHome.html`,
        'c-entra-sync-status>',
        'c-entra-sync-gauge>',
      );
    });
    assert.ok(
      failures.some((f) =>
        f.includes(
          'entraSyncAdminHome.ts: @salesforce/apex/EntraSyncAdminController.deleteRuns: deleteRuns is not an @AuraEnabled method',
        ),
      ),
      failures.join('\n'),
    );
    assert.ok(
      failures.some((f) => f.includes('entraSyncAdminHome.html: c/entraSyncGauge: no LWC bundle entraSyncGauge')),
      failures.join('\n'),
    );
  });

  it('catches a custom metadata record value on a field its type lacks, and a named credential without its external credential', async () => {
    const failures = await failuresAfter((files) => {
      replaceIn(
        files,
        `${P}/sync/customMetadata/EntraSyncSettings.Default.md-meta.xml`,
        '<field>NamedCredential__c',
        '<field>Credential__c',
      );
      replaceIn(
        files,
        `${P}/graph/namedCredentials/EntraSyncGraph.namedCredential-meta.xml`,
        '<externalCredential>EntraSyncGraphAuth<',
        '<externalCredential>EntraSyncOtherAuth<',
      );
    });
    assert.ok(
      failures.some((f) =>
        f.includes(
          'EntraSyncSettings.Default.md-meta.xml: values Credential__c: field EntraSyncSettings__mdt.Credential__c does not exist',
        ),
      ),
      failures.join('\n'),
    );
    assert.ok(
      failures.some((f) =>
        f.includes(
          'EntraSyncGraph.namedCredential-meta.xml: externalCredential EntraSyncOtherAuth is not in the package',
        ),
      ),
      failures.join('\n'),
    );
  });

  it('catches settings that name a Named Credential the package does not ship', async () => {
    const record = `${P}/sync/customMetadata/EntraSyncSettings.Default.md-meta.xml`;
    const failures = await failuresAfter((files) =>
      replaceIn(files, record, '>EntraSyncGraph</value>', '>MsGraph</value>'),
    );
    assert.deepEqual(failures, [
      `FAIL custom metadata record fields resolve — ${record}: values NamedCredential__c: named credential MsGraph is not in the package`,
    ]);
  });

  it('catches a custom metadata record whose picklist value the field does not offer', async () => {
    const record = `${P}/sync/customMetadata/EntraSyncSettings.Default.md-meta.xml`;
    const failures = await failuresAfter((files) => replaceIn(files, record, '>Freeze</value>', '>Delete</value>'));
    assert.deepEqual(failures, [
      `FAIL custom metadata record fields resolve — ${record}: values OnDisable__c: value Delete is not a value of picklist EntraSyncSettings__mdt.OnDisable__c (Freeze, Deactivate)`,
    ]);
  });

  it('rejects fieldPermissions on a master-detail field (the platform refuses the deploy)', async () => {
    const permissionSet = `${P}/admin/permissionsets/EntraSyncIntegration.permissionset-meta.xml`;
    const failures = await failuresAfter((files) =>
      replaceIn(
        files,
        permissionSet,
        '<hasActivationRequired>',
        '<fieldPermissions><editable>false</editable><field>EntraSyncChange__c.Run__c</field><readable>true</readable></fieldPermissions><hasActivationRequired>',
      ),
    );
    assert.deepEqual(failures, [
      `FAIL permission set references resolve — ${permissionSet}: fieldPermissions EntraSyncChange__c.Run__c: EntraSyncChange__c.Run__c is master-detail: it cannot be in fieldPermissions`,
    ]);
  });

  it('flags a dashboard with a named running user and a list view column that does not exist', async () => {
    const failures = await failuresAfter((files) => {
      replaceIn(
        files,
        `${P}/runlog/dashboards/EntraSyncDashboards/EntraSyncOverview.dashboard-meta.xml`,
        '<dashboardType>LoggedInUser</dashboardType>',
        '<dashboardType>SpecifiedUser</dashboardType><runningUser>admin@example.com</runningUser>',
      );
      replaceIn(
        files,
        `${P}/runlog/objects/EntraSyncRun__c/listViews/All.listView-meta.xml`,
        '<columns>Status__c',
        '<columns>Phase__c',
      );
    });
    assert.ok(
      failures.some((f) => f.includes('EntraSyncOverview.dashboard-meta.xml: runningUser admin@example.com')),
      failures.join('\n'),
    );
    assert.ok(
      failures.some((f) => f.includes('All.listView-meta.xml: field EntraSyncRun__c.Phase__c does not exist')),
      failures.join('\n'),
    );
  });
});

describe('validate: permission sets grant what the screens and the job touch', () => {
  it('requires EntraSyncAdmin to read every field of the data model and reach the controller', async () => {
    const permissionSet = `${P}/admin/permissionsets/EntraSyncAdmin.permissionset-meta.xml`;
    const failures = await failuresAfter((files) => {
      replaceIn(
        files,
        permissionSet,
        '<fieldPermissions><editable>true</editable><field>EntraSyncChange__c.Action__c</field><readable>true</readable></fieldPermissions>',
        '',
      );
      replaceIn(
        files,
        permissionSet,
        '<classAccesses><apexClass>EntraSyncAdminController</apexClass><enabled>true</enabled></classAccesses>',
        '',
      );
    });
    assert.deepEqual(failures, [
      `FAIL permission set grants what the package needs — ${permissionSet}: fieldPermissions EntraSyncChange__c.Action__c: readable missing`,
      `FAIL permission set grants what the package needs — ${permissionSet}: classAccesses EntraSyncAdminController: missing (the admin LWCs call it)`,
    ]);
  });

  it('requires EntraSyncIntegration to reach the Graph principal and to write the run objects', async () => {
    const permissionSet = `${P}/admin/permissionsets/EntraSyncIntegration.permissionset-meta.xml`;
    const failures = await failuresAfter((files) => {
      replaceIn(files, permissionSet, 'EntraSyncGraphAuth-EntraSyncPrincipal', 'EntraSyncGraphAuth-SomeoneElse');
    });
    assert.ok(
      failures.some(
        (f) =>
          f.includes(permissionSet) &&
          f.includes(
            'externalCredentialPrincipalAccesses EntraSyncGraphAuth-SomeoneElse: external credential EntraSyncGraphAuth has no principal SomeoneElse',
          ),
      ),
      failures.join('\n'),
    );
    assert.ok(
      failures.some(
        (f) =>
          f.includes(permissionSet) &&
          f.includes('no enabled EntraSyncGraphAuth-<principal> (principals: entrasyncprincipal)'),
      ),
      failures.join('\n'),
    );
  });
});

describe('validate: test code stays out of the main folders', () => {
  it('flags an @IsTest class under main/ and a non-test class under tests/', async () => {
    const failures = await failuresAfter((files) => {
      files[`${P}/admin/classes/EntraSyncStrayTests.cls`] = '@IsTest\nprivate class EntraSyncStrayTests {}\n';
      files['force-app/tests/admin/classes/EntraSyncHelper.cls'] = 'public class EntraSyncHelper {}\n';
    });
    assert.ok(
      failures.some((f) =>
        f.includes('EntraSyncStrayTests.cls: @IsTest class EntraSyncStrayTests is outside force-app/tests/'),
      ),
      failures.join('\n'),
    );
    assert.ok(
      failures.some((f) => f.includes('EntraSyncHelper.cls: class EntraSyncHelper under tests/ is not @IsTest')),
      failures.join('\n'),
    );
  });
});
