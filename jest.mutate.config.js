// The fast, cargo-free tests that judge the fail-closed core, for mutation testing (npm run mutate):
// a mutant is run against these only, so a run takes minutes instead of hours of real cargo builds.
import base from './jest.config.js'

export default {
  ...base,
  // These build no fixture: no lock needed (and Stryker resolves no <rootDir> in an environment path).
  testEnvironment: 'node',
  testMatch: [
    '**/__tests__/fail-closed-*.test.ts',
    '**/__tests__/parsers.test.ts',
    '**/__tests__/commands.test.ts',
    '**/__tests__/tests-retry.test.ts',
    '**/__tests__/lines.test.ts',
    '**/__tests__/public-api-rules.test.ts',
    '**/__tests__/lint-fixes-judge.test.ts',
    '**/__tests__/review-suggestions-place.test.ts',
    '**/__tests__/ratchet-rules.test.ts'
  ],
  verbose: false
}
