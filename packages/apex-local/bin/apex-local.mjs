#!/usr/bin/env node
// Anonymous Apex on the local org (`apex-local FILE.apex [--setup FILE] [--project DIR]`); the CLI is TypeScript, run through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/apex.ts');
