import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findApexClasses, hasTestMethodsSource, isTestClassSource } from './apexClasses.ts';
import { fixtureProject } from './fixtureProject.ts';

describe('Apex class discovery', () => {
  it('recognises @IsTest classes in any case and with parameters', () => {
    assert.equal(isTestClassSource('@IsTest\nprivate class A_Tests {}'), true);
    assert.equal(isTestClassSource('@isTest(SeeAllData=false)\npublic with sharing class B {}'), true);
    assert.equal(isTestClassSource('public class C { @IsTest static void m() {} }'), false);
    assert.equal(isTestClassSource('// @IsTest\npublic class D {}'), false);
    assert.equal(isTestClassSource("@IsTest\n@SuppressWarnings('PMD.ApexDoc')\nprivate class E_Tests {}"), true);
  });

  it('tells test classes with test methods from test support classes', () => {
    assert.equal(
      hasTestMethodsSource('@IsTest\nprivate class A_Tests {\n  @IsTest\n  static void shouldRun() {}\n}'),
      true,
    );
    assert.equal(hasTestMethodsSource('@isTest private class B { static testMethod void legacy() {} }'), true);
    assert.equal(
      hasTestMethodsSource('@IsTest\npublic class EntraSyncGraphFake {\n  public static void seed() {}\n}'),
      false,
    );
  });

  it('walks a package directory and sorts by name', () => {
    const project = fixtureProject({
      'force-app/main/sync/classes/EntraSyncScheduler.cls': 'public class EntraSyncScheduler {}',
      'force-app/tests/sync/classes/EntraSyncScheduler_Tests.cls': '@IsTest private class EntraSyncScheduler_Tests {}',
    });
    try {
      const found = findApexClasses(`${project.dir}/force-app`).map((c) => `${c.name}:${c.isTest}`);
      assert.deepEqual(found, ['EntraSyncScheduler:false', 'EntraSyncScheduler_Tests:true']);
    } finally {
      project.remove();
    }
  });
});
