// Registers @sa11y/jest's `toBeAccessible()` matcher (axe-core rules as used by Salesforce) for every LWC spec.
import { setup } from '@sa11y/jest';

setup();
