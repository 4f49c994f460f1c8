// The layers of src/ (README, Architecture): the core → the capabilities → the pipeline → the entry
// points. Nothing imports a layer above its own; a capability builds on another only through that
// one's public face (its index.ts); and no import circle anywhere. `npm run lint` checks it.
const CORE = '^src/(cargo|github|store|findings|report)/|^src/(args|config|errors|inputs|order|tool)[.]ts$'
const CAPABILITIES = '^src/capabilities/'
const PIPELINE = '^src/pipeline/'
const ENTRIES = '^src/(main|cli|index|bin)[.]ts$|^src/cli/'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'Files that import each other in a loop: one of them belongs lower, or the loop is a third file.',
      severity: 'error',
      from: {},
      to: { circular: true }
    },
    {
      name: 'core-imports-up',
      comment:
        'The core (cargo, github, store, findings, report, config, inputs…) knows no capability, pipeline or entry point.',
      severity: 'error',
      from: { path: CORE },
      to: { path: [CAPABILITIES, PIPELINE, ENTRIES] }
    },
    {
      name: 'capability-imports-up',
      comment: 'A capability knows neither the pipeline that runs it nor the entry points.',
      severity: 'error',
      from: { path: CAPABILITIES },
      to: { path: [PIPELINE, ENTRIES] }
    },
    {
      name: 'pipeline-imports-entry',
      comment: 'The pipeline knows no entry point.',
      severity: 'error',
      from: { path: PIPELINE },
      to: { path: ENTRIES }
    },
    {
      name: 'capability-internals',
      comment:
        "A capability builds on another's result through that one's public face (its index.ts), never its internals.",
      severity: 'error',
      from: { path: '^src/capabilities/([^/]+)/' },
      to: {
        path: '^src/capabilities/[^/]+/',
        pathNot: ['^src/capabilities/$1/', '^src/capabilities/[^/]+/index[.]ts$']
      }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type is a dependency too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' }
  }
}
