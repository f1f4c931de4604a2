/** What the platform derives on the common CRM objects (Object Reference: Opportunity, OpportunityStage, Case, Lead). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { debug } from '../../apex/testing.ts';

test('Opportunity: Probability, ForecastCategoryName, IsClosed and IsWon follow the default stages', () => {
  assert.deepEqual(
    debug(`
      Opportunity o = new Opportunity(Name = 'o', StageName = 'Prospecting', CloseDate = Date.today());
      insert o;
      o = [SELECT Probability, ForecastCategoryName, IsClosed, IsWon FROM Opportunity WHERE Id = :o.Id];
      System.debug(o.Probability + ' ' + o.ForecastCategoryName + ' ' + o.IsClosed + ' ' + o.IsWon);
      o.StageName = 'Closed Won';
      update o;
      o = [SELECT Probability, ForecastCategoryName, IsClosed, IsWon FROM Opportunity WHERE Id = :o.Id];
      System.debug(o.Probability + ' ' + o.ForecastCategoryName + ' ' + o.IsClosed + ' ' + o.IsWon);
    `),
    ['10 Pipeline false false', '100 Closed true true'],
  );
});

test('Case: closing sets IsClosed and ClosedDate; Lead: Name joins FirstName and LastName', () => {
  assert.deepEqual(
    debug(`
      Case c = new Case(Subject = 's', Status = 'Closed');
      insert c;
      c = [SELECT IsClosed, ClosedDate FROM Case WHERE Id = :c.Id];
      System.debug(c.IsClosed + ' ' + (c.ClosedDate != null));
      Lead l = new Lead(FirstName = 'Ada', LastName = 'Lovelace', Company = 'X');
      insert l;
      System.debug([SELECT Name, Status FROM Lead WHERE Id = :l.Id].Name);
    `),
    ['true true', 'Ada Lovelace'],
  );
});
