// ESM + ts-jest, as in actions/typescript-action.
export default {
  clearMocks: true,
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  preset: 'ts-jest/presets/default-esm',
  // Two workers; files that build the same fixture workspace in place take turns (see the environment).
  testEnvironment: '<rootDir>/__tests__/support/fixture-lock-environment.js',
  maxWorkers: 2,
  setupFiles: ['<rootDir>/__tests__/support/isolate-state.ts'],
  testMatch: ['**/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/target/', '<rootDir>/.stryker-tmp/'],
  modulePathIgnorePatterns: [
    '<rootDir>/__fixtures__/.*/target/',
    '<rootDir>/examples/.*/target/',
    '<rootDir>/.stryker-tmp/'
  ],
  watchPathIgnorePatterns: ['/target/'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }
    ]
  },
  testTimeout: 180000,
  verbose: true
}
