/**
 * The Metadata namespace subset the admin screens use (Apex Reference Guide, "Metadata Namespace"):
 * CustomMetadata / CustomMetadataValue records, DeployContainer, Operations.enqueueDeployment with a
 * DeployCallback. The runtime applies the deployment to the org's custom metadata after the transaction commits,
 * then calls the callback in its own transaction.
 */
import type { ExecutionContext } from '../interp/context.ts';
import { ListV, NativeV, ObjectV, type TypeDesc, type Value } from '../values.ts';
import { enumValue } from './enums.ts';
import { systemEnum } from './enums.ts';
import type { Stdlib } from './registry.ts';
import type { NativeType } from './types.ts';

/** A native type whose public properties live in `data` (Metadata API classes are plain field bags). */
function bag(name: string, fields: Record<string, () => Value>): NativeType {
  const props: NativeType['props'] = {};
  for (const f of Object.keys(fields)) {
    props[f.toLowerCase()] = {
      get: (_ix, self: NativeV) => (self.data[f] ?? null) as Value,
      set: (_ix, self, v) => {
        (self as NativeV).data[f] = v;
      },
    };
  }
  return {
    name,
    props,
    construct: () => {
      const data: Record<string, Value> = {};
      for (const [f, init] of Object.entries(fields)) data[f] = init();
      return new NativeV(name, data);
    },
  };
}

const listOf = (name: string): ListV => new ListV({ name, args: [], kind: 'native' } as TypeDesc, []);

export interface PendingDeployment {
  id: string;
  records: { fullName: string; label: string; values: Record<string, Value> }[];
  callback: ObjectV | null;
}

function enqueueDeployment(ix: ExecutionContext, [container, callback]: Value[]): Value {
  if (!(container instanceof NativeV)) return ix.fail('System.NullPointerException', 'Argument cannot be null.');
  const records = (container.data.items as NativeV[]).map((r) => {
    const values: Record<string, Value> = {};
    for (const v of (r.data.values as ListV).items as NativeV[]) values[String(v.data.field)] = v.data.value;
    return { fullName: String(r.data.fullName), label: String(r.data.label ?? ''), values };
  });
  const deployer = ix.hooks as unknown as { enqueueDeployment?: (d: Omit<PendingDeployment, 'id'>) => string };
  if (!deployer.enqueueDeployment)
    return ix.unsupported('Metadata.Operations.enqueueDeployment outside the local runtime');
  return deployer.enqueueDeployment({ records, callback: callback instanceof ObjectV ? callback : null });
}

export function installMetadata(lib: Stdlib): void {
  lib.register(
    bag('Metadata.CustomMetadata', {
      fullName: () => null,
      label: () => null,
      protected_x: () => false,
      values: () => listOf('Metadata.CustomMetadataValue'),
    }),
    bag('Metadata.CustomMetadataValue', { field: () => null, value: () => null }),
    {
      name: 'Metadata.DeployContainer',
      construct: () => new NativeV('Metadata.DeployContainer', { items: [] }),
      methods: {
        addmetadata: (_ix, c: NativeV, [m]) => {
          c.data.items.push(m);
          return null;
        },
        getmetadata: (_ix, c: NativeV) =>
          new ListV({ name: 'Metadata.Metadata', args: [], kind: 'native' }, [...c.data.items]),
        removemetadata: (_ix, c: NativeV, [m]) => {
          c.data.items = c.data.items.filter((x: Value) => x !== m);
          return null;
        },
      },
    },
    { name: 'Metadata.Operations', statics: { enqueuedeployment: enqueueDeployment } },
    bag('Metadata.DeployResult', {
      id: () => null,
      status: () => null,
      success: () => false,
      done: () => true,
      details: () => null,
      errorMessage: () => null,
      numberComponentErrors: () => null,
      numberComponentsDeployed: () => null,
    }),
    bag('Metadata.DeployDetails', {
      componentFailures: () => listOf('Metadata.DeployMessage'),
      componentSuccesses: () => listOf('Metadata.DeployMessage'),
    }),
    bag('Metadata.DeployMessage', {
      fullName: () => null,
      problem: () => null,
      success: () => false,
      componentType: () => null,
    }),
    {
      name: 'Metadata.DeployCallbackContext',
      construct: () => new NativeV('Metadata.DeployCallbackContext', { jobId: null }),
      methods: { getcallbackjobid: (_ix, c: NativeV) => c.data.jobId },
    },
    systemEnum('Metadata.DeployStatus', [
      'PENDING',
      'INPROGRESS',
      'SUCCEEDED',
      'SUCCEEDEDPARTIAL',
      'FAILED',
      'CANCELING',
      'CANCELED',
    ]),
  );
}

/** Build the DeployResult the callback receives. */
export function deployResult(
  lib: Stdlib,
  ix: ExecutionContext,
  id: string,
  failures: { fullName: string; problem: string }[],
): NativeV {
  const details = lib.type('metadata.deploydetails')!.construct!(ix, []) as NativeV;
  for (const f of failures) {
    const m = lib.type('metadata.deploymessage')!.construct!(ix, []) as NativeV;
    m.data.fullName = f.fullName;
    m.data.problem = f.problem;
    (details.data.componentFailures as ListV).items.push(m);
  }
  const r = lib.type('metadata.deployresult')!.construct!(ix, []) as NativeV;
  r.data.id = id;
  r.data.status = enumValue('Metadata.DeployStatus', failures.length ? 'FAILED' : 'SUCCEEDED', failures.length ? 4 : 2);
  r.data.success = failures.length === 0;
  r.data.details = details;
  return r;
}
