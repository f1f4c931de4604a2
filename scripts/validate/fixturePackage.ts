/**
 * Test support: a small but complete package in source format whose every reference resolves and whose permission
 * sets grant everything validate expects. Tests copy it, break one thing, and check that validate names it.
 */

const xml = (root: string, body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}\n</${root}>\n`;

const field = (name: string, body: string): string =>
  xml('CustomField', `<fullName>${name}</fullName><label>${name}</label>${body}`);

const objectPermission = (object: string, modifyAll = false): string =>
  `<objectPermissions><allowCreate>true</allowCreate><allowDelete>false</allowDelete><allowEdit>true</allowEdit><allowRead>true</allowRead>` +
  `<modifyAllRecords>${modifyAll}</modifyAllRecords><object>${object}</object><viewAllRecords>${modifyAll}</viewAllRecords></objectPermissions>`;

const fieldPermission = (reference: string): string =>
  `<fieldPermissions><editable>true</editable><field>${reference}</field><readable>true</readable></fieldPermissions>`;

const CALLOUT_GRANTS =
  `<externalCredentialPrincipalAccesses><enabled>true</enabled><externalCredentialPrincipal>EntraSyncGraphAuth-EntraSyncPrincipal</externalCredentialPrincipal></externalCredentialPrincipalAccesses>` +
  objectPermission('UserExternalCredential', true) +
  `<customMetadataTypeAccesses><enabled>true</enabled><name>EntraSyncSettings__mdt</name></customMetadataTypeAccesses>`;

const DATA_GRANTS =
  objectPermission('EntraSyncRun__c') +
  objectPermission('EntraSyncChange__c') +
  fieldPermission('EntraSyncRun__c.Status__c') +
  fieldPermission('EntraSyncRun__c.ApprovedBy__c') +
  fieldPermission('EntraSyncChange__c.Action__c') +
  fieldPermission('User.EntraSyncObjectId__c');

export function fixturePackageFiles(): Record<string, string> {
  const p = 'force-app/main';
  return {
    '.forceignore': '**/*.ts\n**/__tests__/**\n**/tsconfig*.json\n**/jsconfig.json\n**/*.test.*\n',
    // the fixture project names unpackagedMetadata { path: 'unpackaged' }: it must exist
    'unpackaged/classes/.keep': '',
    [`${p}/runlog/objects/EntraSyncRun__c/EntraSyncRun__c.object-meta.xml`]: xml(
      'CustomObject',
      '<deploymentStatus>Deployed</deploymentStatus><label>Run</label><pluralLabel>Runs</pluralLabel><nameField><label>Run</label><type>AutoNumber</type><displayFormat>RUN-{000000}</displayFormat></nameField><sharingModel>ReadWrite</sharingModel>',
    ),
    [`${p}/runlog/objects/EntraSyncRun__c/fields/Status__c.field-meta.xml`]: field(
      'Status__c',
      '<type>Picklist</type><valueSet><valueSetDefinition><value><fullName>Queued</fullName><default>false</default><label>Queued</label></value></valueSetDefinition></valueSet>',
    ),
    [`${p}/runlog/objects/EntraSyncRun__c/fields/ApprovedBy__c.field-meta.xml`]: field(
      'ApprovedBy__c',
      '<type>Lookup</type><referenceTo>User</referenceTo><relationshipName>EntraSyncApprovedRuns</relationshipName><deleteConstraint>SetNull</deleteConstraint>',
    ),
    [`${p}/runlog/objects/EntraSyncRun__c/listViews/All.listView-meta.xml`]: xml(
      'ListView',
      '<fullName>All</fullName><columns>NAME</columns><columns>Status__c</columns><filterScope>Everything</filterScope><label>All</label>',
    ),
    [`${p}/runlog/objects/EntraSyncChange__c/EntraSyncChange__c.object-meta.xml`]: xml(
      'CustomObject',
      '<deploymentStatus>Deployed</deploymentStatus><label>Change</label><pluralLabel>Changes</pluralLabel><nameField><label>Change</label><type>AutoNumber</type><displayFormat>CHG-{0000000}</displayFormat></nameField><sharingModel>ControlledByParent</sharingModel>',
    ),
    [`${p}/runlog/objects/EntraSyncChange__c/fields/Run__c.field-meta.xml`]: field(
      'Run__c',
      '<type>MasterDetail</type><referenceTo>EntraSyncRun__c</referenceTo><relationshipName>Changes</relationshipName><relationshipOrder>0</relationshipOrder>',
    ),
    [`${p}/runlog/objects/EntraSyncChange__c/fields/Action__c.field-meta.xml`]: field(
      'Action__c',
      '<type>Picklist</type><valueSet><valueSetDefinition><value><fullName>Create</fullName><default>false</default><label>Create</label></value></valueSetDefinition></valueSet>',
    ),
    [`${p}/sync/objects/User/fields/EntraSyncObjectId__c.field-meta.xml`]: field(
      'EntraSyncObjectId__c',
      '<type>Text</type><length>36</length><externalId>true</externalId><unique>true</unique><caseSensitive>false</caseSensitive>',
    ),
    [`${p}/sync/objects/EntraSyncSettings__mdt/EntraSyncSettings__mdt.object-meta.xml`]: xml(
      'CustomObject',
      '<label>Settings</label><pluralLabel>Settings</pluralLabel><visibility>Public</visibility>',
    ),
    [`${p}/sync/objects/EntraSyncSettings__mdt/fields/NamedCredential__c.field-meta.xml`]: field(
      'NamedCredential__c',
      '<type>Text</type><length>80</length><fieldManageability>SubscriberControlled</fieldManageability>',
    ),
    [`${p}/sync/objects/EntraSyncSettings__mdt/fields/OnDisable__c.field-meta.xml`]: field(
      'OnDisable__c',
      '<type>Picklist</type><valueSet><restricted>true</restricted><valueSetDefinition><sorted>false</sorted>' +
        '<value><fullName>Freeze</fullName><default>true</default><label>Freeze</label></value>' +
        '<value><fullName>Deactivate</fullName><default>false</default><label>Deactivate</label></value></valueSetDefinition></valueSet>',
    ),
    [`${p}/sync/customMetadata/EntraSyncSettings.Default.md-meta.xml`]: xml(
      'CustomMetadata',
      '<label>Default</label><protected>false</protected><values><field>NamedCredential__c</field><value xsi:type="xsd:string">EntraSyncGraph</value></values>' +
        '<values><field>OnDisable__c</field><value xsi:type="xsd:string">Freeze</value></values>',
    ),
    [`${p}/runlog/reportTypes/EntraSyncRunsWithChanges.reportType-meta.xml`]: xml(
      'ReportType',
      '<baseObject>EntraSyncRun__c</baseObject><category>other</category><deployed>true</deployed>' +
        '<join><outerJoin>true</outerJoin><relationship>Changes__r</relationship></join><label>Runs with changes</label>' +
        '<sections><columns><checkedByDefault>true</checkedByDefault><field>Name</field><table>EntraSyncRun__c</table></columns>' +
        '<columns><checkedByDefault>true</checkedByDefault><field>Status__c</field><table>EntraSyncRun__c</table></columns>' +
        '<columns><checkedByDefault>false</checkedByDefault><field>ApprovedBy__c.Name</field><table>EntraSyncRun__c</table></columns>' +
        '<masterLabel>Runs</masterLabel></sections>' +
        '<sections><columns><checkedByDefault>true</checkedByDefault><field>Action__c</field><table>EntraSyncRun__c.Changes__r</table></columns>' +
        '<masterLabel>Changes</masterLabel></sections>',
    ),
    [`${p}/runlog/reports/EntraSyncReports.reportFolder-meta.xml`]: xml(
      'ReportFolder',
      '<accessType>Public</accessType><name>Entra Sync Reports</name><publicFolderAccess>ReadOnly</publicFolderAccess>',
    ),
    [`${p}/runlog/reports/EntraSyncReports/EntraSyncRunsByStatus.report-meta.xml`]: xml(
      'Report',
      '<columns><field>EntraSyncRun__c$Name</field></columns><columns><field>EntraSyncRun__c.Changes__r$Action__c</field></columns>' +
        '<format>Summary</format><groupingsDown><dateGranularity>Day</dateGranularity><field>EntraSyncRun__c$Status__c</field><sortOrder>Asc</sortOrder></groupingsDown>' +
        '<name>Runs by status</name><reportType>EntraSyncRunsWithChanges__c</reportType><scope>organization</scope><showDetails>true</showDetails>',
    ),
    [`${p}/runlog/dashboards/EntraSyncDashboards.dashboardFolder-meta.xml`]: xml(
      'DashboardFolder',
      '<accessType>Public</accessType><name>Entra Sync Dashboards</name><publicFolderAccess>ReadOnly</publicFolderAccess>',
    ),
    [`${p}/runlog/dashboards/EntraSyncDashboards/EntraSyncOverview.dashboard-meta.xml`]: xml(
      'Dashboard',
      '<dashboardType>LoggedInUser</dashboardType><dashboardGridLayout><dashboardGridComponents><colSpan>4</colSpan><columnIndex>0</columnIndex>' +
        '<dashboardComponent><componentType>Donut</componentType><report>EntraSyncReports/EntraSyncRunsByStatus</report></dashboardComponent>' +
        '<rowIndex>0</rowIndex><rowSpan>4</rowSpan></dashboardGridComponents><numberOfColumns>12</numberOfColumns><rowHeight>36</rowHeight></dashboardGridLayout><title>Entra Sync</title>',
    ),
    [`${p}/admin/classes/EntraSyncAdminController.cls`]:
      'public with sharing class EntraSyncAdminController {\n    @AuraEnabled(cacheable=true)\n    public static List<String> getRuns() {\n        return new List<String>();\n    }\n}\n',
    [`${p}/admin/classes/EntraSyncAdminController.cls-meta.xml`]: xml(
      'ApexClass',
      '<apiVersion>65.0</apiVersion><status>Active</status>',
    ),
    'force-app/tests/admin/classes/EntraSyncAdminController_Tests.cls':
      "@IsTest\nprivate class EntraSyncAdminController_Tests {\n    @IsTest\n    static void shouldReturnRuns() {\n        Assert.areEqual(0, EntraSyncAdminController.getRuns().size(), 'no runs yet');\n    }\n}\n",
    'force-app/tests/admin/classes/EntraSyncAdminController_Tests.cls-meta.xml': xml(
      'ApexClass',
      '<apiVersion>65.0</apiVersion><status>Active</status>',
    ),
    [`${p}/admin/lwc/entraSyncAdminHome/entraSyncAdminHome.ts`]:
      "import { LightningElement } from 'lwc';\nimport getRuns from '@salesforce/apex/EntraSyncAdminController.getRuns';\nimport STATUS from '@salesforce/schema/EntraSyncRun__c.Status__c';\nexport default class EntraSyncAdminHome extends LightningElement {\n  getRuns = getRuns;\n  status = STATUS;\n}\n",
    [`${p}/admin/lwc/entraSyncAdminHome/entraSyncAdminHome.js`]:
      "import { LightningElement } from 'lwc';\nimport getRuns from '@salesforce/apex/EntraSyncAdminController.getRuns';\nimport STATUS from '@salesforce/schema/EntraSyncRun__c.Status__c';\nexport default class EntraSyncAdminHome extends LightningElement {\n  getRuns = getRuns;\n  status = STATUS;\n}\n",
    [`${p}/admin/lwc/entraSyncAdminHome/entraSyncAdminHome.html`]:
      '<template><c-entra-sync-status></c-entra-sync-status></template>\n',
    [`${p}/admin/lwc/entraSyncAdminHome/entraSyncAdminHome.js-meta.xml`]: xml(
      'LightningComponentBundle',
      '<apiVersion>65.0</apiVersion><isExposed>true</isExposed><targets><target>lightning__AppPage</target></targets>',
    ),
    [`${p}/admin/lwc/entraSyncStatus/entraSyncStatus.js`]:
      "import { LightningElement } from 'lwc';\nexport default class EntraSyncStatus extends LightningElement {}\n",
    [`${p}/admin/lwc/entraSyncStatus/entraSyncStatus.html`]: '<template></template>\n',
    [`${p}/admin/lwc/entraSyncStatus/entraSyncStatus.js-meta.xml`]: xml(
      'LightningComponentBundle',
      '<apiVersion>65.0</apiVersion><isExposed>false</isExposed>',
    ),
    [`${p}/admin/flexipages/EntraSyncAdmin.flexipage-meta.xml`]: xml(
      'FlexiPage',
      '<flexiPageRegions><itemInstances><componentInstance><componentName>c:entraSyncAdminHome</componentName><identifier>home</identifier></componentInstance></itemInstances>' +
        '<name>main</name><type>Region</type></flexiPageRegions><masterLabel>Entra Sync</masterLabel><template><name>flexipage:appHomeTemplateDesktop</name></template><type>AppPage</type>',
    ),
    [`${p}/admin/tabs/EntraSyncAdmin.tab-meta.xml`]: xml(
      'CustomTab',
      '<flexiPage>EntraSyncAdmin</flexiPage><label>Entra Sync</label><motif>Custom19: Wrench</motif>',
    ),
    [`${p}/admin/tabs/EntraSyncRun__c.tab-meta.xml`]: xml(
      'CustomTab',
      '<customObject>true</customObject><motif>Custom19: Wrench</motif>',
    ),
    [`${p}/admin/applications/EntraSync.app-meta.xml`]: xml(
      'CustomApplication',
      '<formFactors>Large</formFactors><label>Entra Sync</label><navType>Standard</navType><tabs>EntraSyncAdmin</tabs><tabs>EntraSyncRun__c</tabs><tabs>standard-report</tabs><uiType>Lightning</uiType>',
    ),
    [`${p}/graph/externalCredentials/EntraSyncGraphAuth.externalCredential-meta.xml`]: xml(
      'ExternalCredential',
      '<authenticationProtocol>Oauth</authenticationProtocol><externalCredentialParameters><parameterGroup>DefaultGroup</parameterGroup><parameterName>Scope</parameterName><parameterType>AuthParameter</parameterType><parameterValue>https://graph.microsoft.com/.default</parameterValue></externalCredentialParameters>' +
        '<externalCredentialParameters><parameterGroup>EntraSyncPrincipal</parameterGroup><parameterName>EntraSyncPrincipal</parameterName><parameterType>NamedPrincipal</parameterType><sequenceNumber>1</sequenceNumber></externalCredentialParameters><label>Entra Sync Graph Auth</label>',
    ),
    [`${p}/graph/namedCredentials/EntraSyncGraph.namedCredential-meta.xml`]: xml(
      'NamedCredential',
      '<allowMergeFieldsInBody>false</allowMergeFieldsInBody><allowMergeFieldsInHeader>false</allowMergeFieldsInHeader><calloutStatus>Enabled</calloutStatus><generateAuthorizationHeader>true</generateAuthorizationHeader><label>Entra Sync Graph</label>' +
        '<namedCredentialParameters><parameterName>Url</parameterName><parameterType>Url</parameterType><parameterValue>https://graph.microsoft.com</parameterValue></namedCredentialParameters>' +
        '<namedCredentialParameters><externalCredential>EntraSyncGraphAuth</externalCredential><parameterName>ExternalCredential</parameterName><parameterType>Authentication</parameterType></namedCredentialParameters><namedCredentialType>SecuredEndpoint</namedCredentialType>',
    ),
    [`${p}/admin/permissionsets/EntraSyncAdmin.permissionset-meta.xml`]: xml(
      'PermissionSet',
      '<applicationVisibilities><application>EntraSync</application><visible>true</visible></applicationVisibilities>' +
        '<classAccesses><apexClass>EntraSyncAdminController</apexClass><enabled>true</enabled></classAccesses>' +
        DATA_GRANTS +
        CALLOUT_GRANTS +
        '<hasActivationRequired>false</hasActivationRequired><label>Entra Sync Admin</label>' +
        '<tabSettings><tab>EntraSyncAdmin</tab><visibility>Visible</visibility></tabSettings><tabSettings><tab>EntraSyncRun__c</tab><visibility>Visible</visibility></tabSettings>',
    ),
    [`${p}/admin/permissionsets/EntraSyncIntegration.permissionset-meta.xml`]: xml(
      'PermissionSet',
      DATA_GRANTS +
        CALLOUT_GRANTS +
        '<hasActivationRequired>false</hasActivationRequired><label>Entra Sync Integration</label>',
    ),
  };
}
