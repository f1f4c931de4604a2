/**
 * The package's run alert reaches `LocalRuntime.notifications`: EntraSyncCustomNotificationSender looks up the
 * EntraSyncRunAlert CustomNotificationType (seeded from force-app/main/admin/notificationtypes) and sends through
 * Messaging.CustomNotification (Apex Reference, "CustomNotification Class").
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LocalRuntime } from 'apex-local';
import { PROJECT_DIR } from '../../packages/dev-env/localRun/localRun.ts';

test('EntraSyncCustomNotificationSender sends one EntraSyncRunAlert notification to the alert recipients', () => {
  const rt = LocalRuntime.load(PROJECT_DIR, { now: new Date('2026-03-02T10:00:00.000Z') });
  const report = rt.runAnonymous(`
    EntraSyncRun__c run = new EntraSyncRun__c(Trigger__c = 'Manual', Mode__c = 'Full', Status__c = 'AwaitingApproval');
    insert run;
    EntraSyncRunNotifier.Alert alert = new EntraSyncRunNotifier.Alert();
    alert.title = 'Entra User Sync run held';
    alert.body = '42 deactivations are held.';
    alert.targetId = run.Id;
    alert.recipientIds.add(UserInfo.getUserId());
    new EntraSyncCustomNotificationSender().send(alert);`);
  assert.equal(report.error, undefined, report.error?.message);
  const [type] = rt.query("SELECT Id FROM CustomNotificationType WHERE DeveloperName = 'EntraSyncRunAlert'");
  const [run] = rt.query('SELECT Id FROM EntraSyncRun__c');
  const [admin] = rt.query("SELECT Id FROM User WHERE Profile.Name = 'System Administrator' LIMIT 1");
  assert.deepEqual(rt.notifications, [
    {
      notificationTypeId: type?.Id,
      title: 'Entra User Sync run held',
      body: '42 deactivations are held.',
      targetId: run?.Id,
      targetPageRef: null,
      senderId: null,
      recipients: [admin?.Id],
    },
  ]);
});
