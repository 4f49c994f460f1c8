// public-api: breaking changes to the public API of the workspace's library crates, against a base
// revision (rustdoc JSON of both sides, compared by rules that are sure; see check.ts).
import type { GateConfig } from '../../config.js'
import { ConfigError } from '../../inputs.js'
import type { GateReport } from '../../report/schema.js'
import type { Capability, ReportBody } from '../capability.js'
import { checkPublicApi, realPorts } from './check.js'
import { apiFindings } from './findings.js'
import { publicApiAnnotations, publicApiMarkdown, publicApiOutputs, publicApiText } from './render.js'
import { mergeSections, offSection, type ApiPolicy, type PublicApiSection } from './section.js'

declare module '../../report/schema.js' {
  interface GateReport {
    publicApi?: PublicApiSection
  }
}

declare module '../../config.js' {
  interface GateConfig {
    publicApi: ApiPolicy
    publicApiBase: string
    publicApiCrates: string[]
  }
}

/** A revision is handed to git as an argument: one that starts with `-` would be read as an option. */
function revision(v: string): string {
  if (v.startsWith('-'))
    throw new ConfigError('public-api-base', `'${v}' is not a git revision; name a commit, branch or tag.`)
  return v
}

const own = (r: GateReport) => (r.findings ?? []).filter(f => f.source === 'public-api')
const findingsOf = (r: ReportBody, config: Pick<GateConfig, 'publicApi'>) =>
  r.publicApi ? apiFindings(r.publicApi, config.publicApi) : []

export const publicApi: Capability = {
  name: 'public-api',
  stage: 'analyses',
  inputs: [
    {
      name: 'public-api',
      default: 'warn',
      description:
        'Breaking changes to the public API of library crates since `public-api-base`: `deny` (unstable), `warn` or `off`. A version bump that allows them (a new major; 0.x: a new minor) exempts them.'
    },
    {
      name: 'public-api-base',
      default: '',
      description:
        "Git revision the public API is compared with; empty: the pull request's base commit, else the parent of the head. Needs the history (`fetch-depth: 0`)."
    },
    {
      name: 'public-api-crates',
      default: '',
      description:
        '`publish = false` library crates whose public API is compared too (comma or newline separated; published ones always are).'
    }
  ],
  parse: p => ({
    publicApi: p.oneOf('public-api', ['deny', 'warn', 'off'] as const),
    publicApiBase: revision(p.raw('public-api-base')),
    publicApiCrates: p.names('public-api-crates')
  }),
  outputs: [
    {
      name: 'api-breaking',
      description:
        'Breaking changes to the public API that no version bump allows (empty when the API was not compared).',
      value: r =>
        r.publicApi && r.publicApi.status !== 'off' ? publicApiOutputs(r.publicApi)['api-breaking'] : null
    },
    {
      name: 'api-changes',
      description:
        'JSON array of the public API changes: crate, class (breaking, warning, changed, addition), rule, path, kind, what, breaks, file, line, side, base and head locations, allowed.',
      value: r =>
        r.publicApi && r.publicApi.status !== 'off' ? publicApiOutputs(r.publicApi)['api-changes'] : null
    }
  ],
  async run(ports, config) {
    if (config.publicApi === 'off') return { section: {}, findings: [] }
    const section = ports.metadata
      ? await checkPublicApi(
          {
            policy: config.publicApi,
            base: config.publicApiBase,
            crates: config.publicApiCrates,
            workspaceRoot: ports.cwd,
            targetDir: ports.metadata.target_directory,
            toolchain: config.toolchain,
            rustcRelease: ports.toolchain.release,
            checkArgs: config.checkArgs,
            members: ports.metadata.packages.filter(p => ports.metadata!.workspace_members.includes(p.id)),
            only: ports.report.shard?.members ?? null,
            env: ports.env
          },
          realPorts
        )
      : { ...offSection(config.publicApi), status: 'unknown' as const, reason: 'cargo metadata did not run' }
    return { section: { publicApi: section }, findings: apiFindings(section, config.publicApi) }
  },
  findings: findingsOf,
  merge: shards => {
    const sections = shards.map(s => s.publicApi).filter((s): s is PublicApiSection => !!s)
    return sections.length ? { publicApi: mergeSections(sections) } : {}
  },
  markdown: r => (r.publicApi ? publicApiMarkdown(r.publicApi, own(r)) : null),
  terminal: r => (r.publicApi ? (publicApiText(r.publicApi)?.split('\n') ?? []) : []),
  annotations: r => publicApiAnnotations(own(r))
}
