// Jest for the LWC tier (npm run test:lwc). sfdx-lwc-jest's preset compiles .ts components and .test.ts specs
// directly (types stripped, not checked: `npm run build:lwc` is the type check).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const LWC_SOURCES = 'force-app/**/lwc/**';

export default {
  ...jestConfig,
  transform: { '^.+\\.(js|ts|html|css)$': '<rootDir>/jest.lwc-transformer.cjs' },
  // The preset's default testMatch would also pick up the node:test files under packages/, scripts/ and test/.
  testMatch: [`<rootDir>/${LWC_SOURCES}/__tests__/**/*.test.ts`],
  setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv ?? []), '<rootDir>/jest.setup.ts'],
  modulePathIgnorePatterns: ['<rootDir>/.localdevserver', '<rootDir>/.sf', '<rootDir>/.sfdx', '<rootDir>/.tmp'],
  // Measure the TypeScript sources; the compiled .js beside them never runs under Jest (the resolver prefers .ts).
  collectCoverageFrom: [`${LWC_SOURCES}/*.ts`, `!${LWC_SOURCES}/*.d.ts`, `!${LWC_SOURCES}/__tests__/**`],
  coverageReporters: ['text-summary', 'lcov'],
  // Applies when run with --coverage (npm run test:lwc); a drop below fails the lwc tier.
  coverageThreshold: { global: { statements: 85, lines: 85, functions: 85, branches: 75 } },
};
