// Kept in step with package.json's version by a test.
export const TOOL = { name: 'build-gate', version: '1.0.0' }
