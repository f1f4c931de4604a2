// Brings in the typed `lightning/*` and `@salesforce/*` modules that @salesforce/lightning-types (Developer Preview)
// ships. Modules it lacks are declared in salesforce-modules.d.ts, which must stay a non-module file.
import '@salesforce/lightning-types';
