import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApexEntryPointMissingError } from '../localRun/localRun.ts';
import { stepError } from './runScenario.ts';

describe('scenario step errors', () => {
  it('reports a run kind the Apex lacks as LOCAL_SCENARIO_UNSUPPORTED_STEP, naming the missing entry point', () => {
    const missing = new ApexEntryPointMissingError(
      'EntraSyncRunService.startReconcileRun',
      'LOCAL_APEX_COMPILE anonymous1.apex:1 Method does not exist or incorrect signature: EntraSyncRunService.startReconcileRun',
    );
    const message = stepError(missing, { run: 'reconcile' }, 4);
    assert.match(
      message,
      /^LOCAL_SCENARIO_UNSUPPORTED_STEP: steps\[4\] \{"run":"reconcile"\} needs EntraSyncRunService\.startReconcileRun\(\) in the package's Apex/,
    );
  });

  it('keeps coded errors and prefixes the others with the step', () => {
    assert.equal(
      stepError(new Error('LOCAL_SCENARIO_NO_HELD_RUN: none'), { approve: true }, 1),
      'LOCAL_SCENARIO_NO_HELD_RUN: none',
    );
    assert.equal(stepError(new Error('boom'), { approve: true }, 1), 'LOCAL_SCENARIO_STEP_FAILED: steps[1]: boom');
  });
});
