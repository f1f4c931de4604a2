import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { MockTestOrgData, TestContext } from '@salesforce/core/testSetup';
import { requireDevHub, requireTargetOrg } from './auth.ts';

describe('requireDevHub / requireTargetOrg (auth files only, no network)', () => {
  const $$ = new TestContext({ setup: false });
  beforeEach(() => $$.init());
  afterEach(() => $$.restore());

  it('fails with ENTRASYNC_NO_DEVHUB and the login command when no Dev Hub is configured', async () => {
    await assert.rejects(requireDevHub(), (error: Error) => {
      assert.match(
        error.message,
        /^ENTRASYNC_NO_DEVHUB: No Dev Hub is authorised\. Run sf org login web --set-default-dev-hub/,
      );
      return true;
    });
  });

  it('fails with ENTRASYNC_NO_ORG when no target org is configured', async () => {
    await assert.rejects(requireTargetOrg(), /ENTRASYNC_NO_ORG: No target org is authorised/);
  });

  it('names an alias that has no auth file on this machine', async () => {
    await assert.rejects(requireTargetOrg('ghost'), /ENTRASYNC_NO_ORG: "ghost" is not authorised on this machine/);
  });

  it('resolves the configured default Dev Hub to its username and org id', async () => {
    const hub = new MockTestOrgData();
    hub.makeDevHub();
    await $$.stubAuths(hub);
    await $$.stubConfig({ 'target-dev-hub': hub.username });
    const resolved = await requireDevHub();
    assert.equal(resolved.username, hub.username);
    assert.equal(resolved.orgId, hub.orgId);
  });

  it('resolves an explicit alias through the alias file', async () => {
    const org = new MockTestOrgData();
    await $$.stubAuths(org);
    $$.stubAliases({ scratch: org.username });
    const resolved = await requireTargetOrg('scratch');
    assert.equal(resolved.username, org.username);
    assert.equal(resolved.aliasOrUsername, 'scratch');
  });
});
