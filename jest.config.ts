/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';

// Native ESM: Jest runs under `node --experimental-vm-modules`, @swc/jest strips the types
// and keeps `import`/`export` as they are, and the `.js` suffixes of NodeNext imports are
// mapped back to the `.ts` sources.
const config: Config = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 60_000,
  maxWorkers: 2,
};

export default config;
