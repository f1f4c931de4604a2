/**
 * The package's own metadata as the local org loads it: the real force-app, not a fixture. These are product tests
 * and live outside the emulator package, which knows nothing of Entra.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LocalOrg } from 'apex-local';
import { PROJECT_DIR } from '../../packages/dev-env/localRun/localRun.ts';

test('the real project loads (whatever metadata exists now)', () => {
  const org = LocalOrg.load(PROJECT_DIR);
  assert.ok(org.api.describe('User'));
  assert.ok(org.query('SELECT Id FROM Profile').length >= 3);
});

test('the real project exposes its EntraSyncGraph Named Credential and EntraSyncGraphAuth External Credential', () => {
  const org = LocalOrg.load(PROJECT_DIR);
  const [nc] = org.query("SELECT Endpoint FROM NamedCredential WHERE DeveloperName = 'EntraSyncGraph'");
  assert.equal(nc?.Endpoint, 'https://graph.microsoft.com');
  assert.equal(org.query("SELECT Id FROM ExternalCredential WHERE DeveloperName = 'EntraSyncGraphAuth'").length, 1);
});

test('the real project exposes its EntraSyncRunAlert notification type', () => {
  const [t] = LocalOrg.load(PROJECT_DIR).query(
    "SELECT CustomNotifTypeName, Desktop, Mobile FROM CustomNotificationType WHERE DeveloperName = 'EntraSyncRunAlert'",
  );
  assert.equal(t?.CustomNotifTypeName, 'Entra User Sync run alert');
  assert.equal(t?.Desktop, true);
  assert.equal(t?.Mobile, true);
});
