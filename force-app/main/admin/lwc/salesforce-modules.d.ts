/*
 * Platform modules that @salesforce/lightning-types 0.8.0 does not declare.
 *
 * This file must not contain a top-level import or export: a wildcard `declare module` inside a module file is an
 * augmentation and fails with TS2307. Types from other packages are referenced with inline `import('…')` types.
 * Shapes follow the LWC Developer Guide; only what the admin screens use is declared.
 */

/** `import getRuns from '@salesforce/apex/EntraSyncAdminController.getRuns'` — callable imperatively and usable with @wire. */
declare module '@salesforce/apex/*' {
  type ApexParams = Record<string, unknown>;
  /** The result is `unknown` on purpose: each caller narrows it to the DTO shape the controller returns. */
  type ApexMethod = ((params?: ApexParams) => Promise<unknown>) &
    import('lwc').WireAdapterConstructor<ApexParams, { data?: unknown; error?: unknown }>;
  const apexMethod: ApexMethod;
  export default apexMethod;
}

/** `refreshApex` and `getSObjectValue` from the `@salesforce/apex` module itself. */
declare module '@salesforce/apex' {
  export function refreshApex(wiredValue: unknown): Promise<void>;
  export function getSObjectValue(record: unknown, field: unknown): unknown;
}

/** Custom labels: `import title from '@salesforce/label/c.EntraSync_Title'` gives the translated string. */
declare module '@salesforce/label/*' {
  const label: string;
  export default label;
}

/** Schema references: `@salesforce/schema/EntraSyncRun__c.Status__c`. */
declare module '@salesforce/schema/*' {
  const schemaReference: { objectApiName: string; fieldApiName?: string };
  export default schemaReference;
}

declare module '@salesforce/customPermission/*' {
  const hasPermission: boolean | undefined;
  export default hasPermission;
}

declare module '@salesforce/userPermission/*' {
  const hasPermission: boolean | undefined;
  export default hasPermission;
}

declare module 'lightning/platformShowToastEvent' {
  export interface ShowToastEventDetail {
    title?: string;
    message: string;
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
    messageData?: unknown[];
  }
  export class ShowToastEvent extends CustomEvent<ShowToastEventDetail> {
    constructor(detail: ShowToastEventDetail);
  }
}

declare module 'lightning/navigation' {
  export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
  }
  export const CurrentPageReference: import('lwc').WireAdapterConstructor<Record<string, never>, PageReference>;

  const Navigate: unique symbol;
  const GenerateUrl: unique symbol;
  interface NavigationApi {
    [Navigate](pageReference: PageReference, replace?: boolean): void;
    [GenerateUrl](pageReference: PageReference): Promise<string>;
  }
  // TypeScript's mixin pattern requires a constructor type whose only parameter is `...args: any[]`.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Constructor<T = object> = new (...args: any[]) => T;

  /** `class X extends NavigationMixin(LightningElement)`, then `this[NavigationMixin.Navigate](pageReference)`. */
  export const NavigationMixin: {
    <T extends Constructor<import('lwc').LightningElement>>(base: T): T & Constructor<NavigationApi>;
    readonly Navigate: typeof Navigate;
    readonly GenerateUrl: typeof GenerateUrl;
  };
}

declare module 'lightning/uiRecordApi' {
  type WireResult = { data?: unknown; error?: unknown };
  export const getRecord: import('lwc').WireAdapterConstructor<Record<string, unknown>, WireResult>;
  export function getFieldValue(record: unknown, field: unknown): unknown;
  export function getFieldDisplayValue(record: unknown, field: unknown): unknown;
  export function updateRecord(recordInput: { fields: Record<string, unknown> }): Promise<unknown>;
  export function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void>;
}

declare module 'lightning/uiObjectInfoApi' {
  type WireResult = { data?: unknown; error?: unknown };
  export const getObjectInfo: import('lwc').WireAdapterConstructor<Record<string, unknown>, WireResult>;
  export const getPicklistValues: import('lwc').WireAdapterConstructor<Record<string, unknown>, WireResult>;
}

declare module 'lightning/datatable' {
  export default class LightningDatatable extends import('lwc').LightningElement {
    keyField: string;
    data: unknown[];
    columns: unknown[];
    getSelectedRows(): unknown[];
  }
}
