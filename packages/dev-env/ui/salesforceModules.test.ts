import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readCustomLabels } from './labels.ts';
import { salesforceModules } from './salesforceModules.ts';

const PROJECT = fileURLToPath(new URL('../../..', import.meta.url));

type Hook = (this: unknown, id: string) => unknown;

describe('platform module shims for the local admin page', () => {
  const warnings: string[] = [];
  const plugin = salesforceModules({
    labels: new Map([['EntraSync_RunStatus_Queued', 'Queued']]),
    adminRoot: 'c/entraSyncAdminApp',
    userId: '005000000000001AAA',
    warn: (message) => warnings.push(message),
  });
  const resolve = (id: string): unknown => (plugin.resolveId as Hook).call({}, id);
  const load = (id: string): string => (plugin.load as Hook).call({}, resolve(id) as string) as string;

  it('resolves the platform modules and leaves everything else to the LWC resolver', () => {
    for (const id of [
      '@salesforce/apex/EntraSyncAdminController.runNow',
      '@salesforce/label/c.X',
      'lightning/platformShowToastEvent',
      '@salesforce/user/Id',
    ])
      assert.ok(String(resolve(id)).startsWith('\0local-sf:'), id);
    assert.equal(resolve('lightning/button'), null);
    assert.equal(
      resolve('@salesforce/label/LightningDatatable.columnWidth'),
      null,
      "lightning-base-components' own labels",
    );
  });

  it('turns an Apex import into a POST of { className, method, params } to /api/apex that is also a wire adapter', () => {
    const code = load('@salesforce/apex/EntraSyncAdminController.runNow');
    assert.match(code, /fetch\('\/api\/apex'/);
    assert.match(code, /className: "EntraSyncAdminController", method: "runNow"/);
    assert.match(code, /call\.adapter = ApexWireAdapter/);
  });

  it('serves label values and names a missing label in a warning', () => {
    assert.equal(load('@salesforce/label/c.EntraSync_RunStatus_Queued'), 'export default "Queued";');
    assert.equal(load('@salesforce/label/c.Nope'), 'export default "Nope";');
    assert.match(warnings[0], /LOCAL_UI_LABEL_MISSING: no Custom Label Nope/);
  });

  it('maps platformShowToastEvent to the base components ShowToastEvent and mounts the chosen admin root', () => {
    assert.match(load('lightning/platformShowToastEvent'), /from 'lightning\/showToastEvent'/);
    assert.equal(load('localui/adminRoot'), "export { default } from 'c/entraSyncAdminApp';");
  });

  it("reads the package's Custom Labels from force-app", () => {
    const labels = readCustomLabels(path.join(PROJECT, 'force-app'));
    assert.equal(labels.get('EntraSync_RunStatus_Queued'), 'Queued');
  });
});
