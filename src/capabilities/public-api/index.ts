// public-api: breaking changes to the public API of the workspace's library crates, against a base
// revision (rustdoc JSON of both sides, compared by rules that are sure; see check.ts).
import type { CodeMeanings } from '../../findings/codes.js'
import type { Finding } from '../../findings/finding.js'
import { ConfigError } from '../../inputs.js'
import type { BuildConfig } from '../build/index.js'
import type { Capability } from '../capability.js'
import { checkPublicApi, realPorts } from './check.js'
import { apiFindings } from './findings.js'
import { publicApiAnnotations, publicApiMarkdown, publicApiOutputs, publicApiText } from './render.js'
import { mergeSections, offSection, type ApiPolicy, type PublicApiSection } from './section.js'

export interface PublicApiConfig {
  publicApi: ApiPolicy
  publicApiBase: string
  publicApiCrates: string[]
}

export type PublicApiParts = {
  config: PublicApiConfig
  section: { publicApi?: PublicApiSection }
  /** rustdoc documents the crates with the features the check builds with. */
  reads: { config: Pick<BuildConfig, 'checkArgs'> }
}

export const PUBLIC_API_CODES = {
  'api-breaking':
    'a breaking change to the public API of a library crate (public-api policy; allowed by a version bump)',
  'api-warning':
    'a change to the public API the reference tool warns about (an order under PartialOrd or repr(C), #[must_use] added); never blocks',
  'api-changed': 'a change to the public API that is not surely breaking (informational)',
  'api-unknown':
    'the public API could not be compared with the base (no base revision, rustdoc failed or its format is unsupported)',
  'api-crates-unmatched': 'a public-api-crates entry matches no library crate'
} as const satisfies CodeMeanings

declare module '../../findings/codes.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FindingCodes extends Record<keyof typeof PUBLIC_API_CODES, string> {}
}

/** A revision is handed to git as an argument: one that starts with `-` would be read as an option. */
function revision(v: string): string {
  if (v.startsWith('-'))
    throw new ConfigError('public-api-base', `'${v}' is not a git revision; name a commit, branch or tag.`)
  return v
}

const own = (r: { findings: readonly Finding[] }) => r.findings.filter(f => f.source === 'public-api')

export const publicApi: Capability<PublicApiParts> = {
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
  codes: PUBLIC_API_CODES,
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
  findings: (r, config) => (r.publicApi ? apiFindings(r.publicApi, config.publicApi) : []),
  merge: shards => {
    const sections = shards.map(s => s.publicApi).filter((s): s is PublicApiSection => !!s)
    return sections.length ? { publicApi: mergeSections(sections) } : {}
  },
  markdown: r => (r.publicApi ? publicApiMarkdown(r.publicApi, own(r)) : null),
  terminal: r => (r.publicApi ? (publicApiText(r.publicApi)?.split('\n') ?? []) : []),
  annotations: r => publicApiAnnotations(own(r))
}
