#!/usr/bin/env node
// Every @IsTest class of an sfdx project on the local org (`apex-local-test [--class Name[.method]] [--project DIR]`).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/test-apex.ts');
