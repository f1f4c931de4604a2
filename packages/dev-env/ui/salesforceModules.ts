/**
 * A rollup plugin that stands in for the modules the Salesforce platform provides to LWCs, so the package's own
 * admin components run unchanged in the local page:
 * - `@salesforce/apex/Class.method` → a function that POSTs `{ className, method, params }` to the local server's
 *   `/api/apex` (which calls the Apex on the local org) and resolves with the result or rejects with
 *   `{ body: { message } }` like an AuraHandledException; it is also a wire adapter, for `@wire(apexMethod)`;
 * - `@salesforce/label/c.Name` → the label's value from force-app's Custom Labels;
 * - `lightning/platformShowToastEvent` → lightning-base-components' ShowToastEvent (`lightning__showtoast`);
 * - `@salesforce/user/Id`, `@salesforce/schema/Object.Field`;
 * - `localui/adminRoot` → the admin component the page mounts (chosen at build time).
 */
import type { Plugin } from 'rollup';

const PREFIX = '\0local-sf:';

export interface SalesforceModulesOptions {
  labels: Map<string, string>;
  /** LWC specifier of the admin component the page mounts, e.g. `c/entraSyncAdminApp` */
  adminRoot: string;
  userId: string;
  warn: (message: string) => void;
}

export function salesforceModules(options: SalesforceModulesOptions): Plugin {
  return {
    name: 'local-salesforce-modules',
    resolveId(source) {
      if (
        source.startsWith('@salesforce/apex/') ||
        source.startsWith('@salesforce/label/c.') ||
        source.startsWith('@salesforce/schema/') ||
        source === '@salesforce/user/Id' ||
        source === 'lightning/platformShowToastEvent' ||
        source === 'localui/adminRoot'
      )
        return PREFIX + source;
      return null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const source = id.slice(PREFIX.length);
      if (source === 'localui/adminRoot') return `export { default } from '${options.adminRoot}';`;
      if (source === 'lightning/platformShowToastEvent')
        return `export { ShowToastEvent } from 'lightning/showToastEvent';`;
      if (source === '@salesforce/user/Id') return `export default ${JSON.stringify(options.userId)};`;
      if (source.startsWith('@salesforce/schema/')) {
        const [objectApiName, ...field] = source.slice('@salesforce/schema/'.length).split('.');
        return `export default ${JSON.stringify(field.length ? { objectApiName, fieldApiName: field.join('.') } : { objectApiName })};`;
      }
      if (source.startsWith('@salesforce/label/c.')) {
        const name = source.slice('@salesforce/label/c.'.length);
        const value = options.labels.get(name);
        if (value === undefined)
          options.warn(`LOCAL_UI_LABEL_MISSING: no Custom Label ${name} in force-app; showing its name`);
        return `export default ${JSON.stringify(value ?? name)};`;
      }
      const [className, method] = source.slice('@salesforce/apex/'.length).split('.');
      return apexModule(className, method);
    },
  };
}

function apexModule(className: string, method: string): string {
  return `
const call = (params) =>
  fetch('/api/apex', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ className: ${JSON.stringify(className)}, method: ${JSON.stringify(method)}, params: params ?? {} }),
  })
    .then((response) => response.json())
    .then((answer) => {
      if (answer.ok) return answer.value;
      throw { status: 500, body: answer.error };
    });
class ApexWireAdapter {
  constructor(dataCallback) { this.dataCallback = dataCallback; }
  connect() {}
  disconnect() {}
  update(config) {
    call(config).then(
      (data) => this.dataCallback({ data, error: undefined }),
      (error) => this.dataCallback({ data: undefined, error }),
    );
  }
}
call.adapter = ApexWireAdapter;
export default call;
`;
}
