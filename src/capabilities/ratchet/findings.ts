// The ratchet's findings, from its section: per crate, the lints whose count grew block (the new
// warnings named); no base: said, and every warning counted as new; fewer than the base: celebrated.
import type { Finding } from '../../findings/finding.js'
import { plural } from '../../report/text.js'
import type { BodyOf } from '../capability.js'
import { baseName, groupText } from './words.js'
import type { RatchetParts, RatchetSection } from './section.js'

const SOURCE = 'ratchet'

export function ratchetFindings(report: BodyOf<RatchetParts>): Finding[] {
  const s: RatchetSection | undefined = report.ratchet
  if (!s) return []
  const out: Finding[] = []
  if (s.noBase)
    out.push({
      code: 'warnings-no-base',
      severity: 'warn',
      message: `no base to compare warnings with (${s.noBase}): every warning counts as new`,
      source: SOURCE
    })
  const against = s.base ? `than the base (${baseName(s.base)})` : 'with no base to compare with'
  const byCrate = new Map<string, typeof s.grown>()
  for (const g of s.grown) byCrate.set(g.crate, [...(byCrate.get(g.crate) ?? []), g])
  const more = (gs: typeof s.grown) => gs.reduce((n, g) => n + g.now - g.base, 0)
  const total = more(s.grown)
  const crates = [...byCrate].map(([c, gs]) => (byCrate.size === 1 ? c : `${c} (${more(gs)})`)).join(', ')
  const summary = `${plural(total, 'more warning')} in ${crates} ${against} (deny-warnings: new)`
  for (const [crate, gs] of byCrate)
    out.push({
      code: 'warnings-new',
      severity: 'block',
      summary,
      crate,
      message: `${plural(more(gs), 'more warning')} in ${crate} ${against}: ${gs.map(groupText).join('; ')}`,
      source: SOURCE
    })
  if (s.base && s.fewer > 0)
    out.push({
      code: 'warnings-fewer',
      severity: 'info',
      message: `${plural(s.fewer, 'fewer warning')} than the base (${baseName(s.base)})`,
      source: SOURCE
    })
  return out
}
