// The LWC Jest transformer with one fix: @lwc/jest-transformer 19.4 leaves Jest's `instrument` flag out of its cache
// key, so a `--coverage` run reuses uninstrumented output cached by an earlier plain run and silently reports
// coverage for only some files. Keying on the flag keeps the two apart.
'use strict';

const { createRequire } = require('node:module');

// Resolve the transformer the way sfdx-lwc-jest does, so both always load the same copy.
const fromSfdxLwcJest = createRequire(require.resolve('@salesforce/sfdx-lwc-jest/config'));
const lwcTransformer = fromSfdxLwcJest('@lwc/jest-transformer');

module.exports = {
  ...lwcTransformer,
  getCacheKey(sourceText, sourcePath, transformOptions) {
    const key = lwcTransformer.getCacheKey(sourceText, sourcePath, transformOptions);
    return `${key}-${transformOptions.instrument ? 'instrumented' : 'plain'}`;
  },
};
