// The API check's findings: severity decided here, once, from the `public-api` policy and the
// crate's version bump. Pure.
import * as semver from 'semver'
import type { Finding, FindingSeverity } from '../../findings/finding.js'
import type { ApiChange } from './diff.js'
import type { ApiPolicy, CrateApi, PublicApiSection } from './section.js'

export const SOURCE = 'public-api'

export const API_FINDING_CODES = [
  'api-breaking',
  'api-warning',
  'api-changed',
  'api-unknown',
  'api-crates-unmatched'
] as const

/** `policy`: the public-api input to judge under (default: the one the section was made with). */
export function apiFindings(section: PublicApiSection, policy: ApiPolicy = section.policy): Finding[] {
  if (section.status === 'off' || policy === 'off') return []
  const failing: FindingSeverity = policy === 'deny' ? 'block' : 'warn'
  const out: Finding[] = []
  if (section.unknownListed.length > 0)
    out.push({
      code: 'api-crates-unmatched',
      severity: 'warn',
      source: SOURCE,
      message: `public-api-crates lists ${section.unknownListed.join(', ')}, which is no library crate of the workspace: check the name, or remove it.`
    })
  if (section.status === 'unknown') {
    out.push({
      code: 'api-unknown',
      severity: failing,
      source: SOURCE,
      message: `The public API was not checked: ${section.reason ?? 'no reason given'}`
    })
    return out
  }
  for (const c of section.crates) {
    if (c.status === 'unknown')
      out.push({
        code: 'api-unknown',
        severity: failing,
        source: SOURCE,
        crate: c.name,
        message: `${c.name}: the public API was not checked: ${c.reason ?? 'no reason given'}`
      })
    for (const change of c.changes) {
      if (change.class === 'addition') continue
      const breaking = change.class === 'breaking'
      // Warn-level changes (as the reference tool warns) never block, whatever the policy.
      const severity: FindingSeverity =
        change.class === 'warning'
          ? c.bumpAllowsBreaks
            ? 'allowed'
            : 'warn'
          : !breaking
            ? 'info'
            : c.bumpAllowsBreaks
              ? 'allowed'
              : failing
      out.push({
        code: breaking ? 'api-breaking' : change.class === 'warning' ? 'api-warning' : 'api-changed',
        severity,
        source: SOURCE,
        crate: c.name,
        message: changeMessage(c, change, section.base?.sha ?? null),
        location: change.file ? { file: change.file, line: change.line } : null
      })
    }
  }
  return out
}

export function changeMessage(c: CrateApi, change: ApiChange, baseSha: string | null): string {
  const where =
    change.side === 'base' && change.file
      ? ` (it was at ${change.file}:${change.line ?? '?'} in the base${baseSha ? ` ${baseSha.slice(0, 12)}` : ''})`
      : ''
  const breaks = change.breaks ? `; breaks code like ${change.breaks}` : ''
  const head = `${c.name}: \`${change.path}\` (${change.kind}): ${change.what}${where}${breaks}`
  if (change.class !== 'breaking') return head
  if (c.bumpAllowsBreaks) return `${head}; allowed by the version bump ${c.baseVersion} → ${c.headVersion}`
  const needed = neededVersion(c.baseVersion)
  return `${head}; a breaking change needs a new ${needed ? `version (${needed})` : 'major version'}, the version is ${c.headVersion}`
}

/** The smallest version that allows a break after `base`: next major, or next minor before 1.0. */
function neededVersion(base: string | null): string | null {
  const v = base ? semver.parse(base) : null
  if (!v) return null
  return semver.inc(v, v.major > 0 ? 'major' : v.minor > 0 ? 'minor' : 'patch')
}
