// The report sections owned by other modules, in the order every rendering shows them.
import type { GateConfig } from '../config.js'
import { conflictAnnotations, conflictsMarkdown, conflictsText, isEmpty } from './conflicts.js'
import type { Annotation } from './annotations.js'
import type { GateReport } from './schema.js'
import { timingMarkdown, timingText } from './timing.js'
import { workstreamsMarkdown, workstreamsText } from './workstreams.js'
import { trackerMarkdown, trackerText } from '../tracker/render.js'

type Policy = Pick<GateConfig, 'duplicateVersions' | 'duplicateVersionsIncludeDev' | 'msrvCheck'>

export function markdownSections(policy?: Policy): ((r: GateReport) => string | null)[] {
  return [
    r => (r.conflicts && !isEmpty(r.conflicts) ? conflictsMarkdown(r.conflicts, policy) : null),
    r => (r.timing ? timingMarkdown(r.timing) : null),
    r => trackerMarkdown(r.tracker),
    workstreamsMarkdown
  ]
}

export function textSections(policy?: Policy): ((r: GateReport) => string | null)[] {
  return [
    r => (r.conflicts && !isEmpty(r.conflicts) ? conflictsText(r.conflicts, policy) : null),
    r => (r.timing ? timingText(r.timing) : null),
    r => trackerText(r.tracker),
    workstreamsText
  ]
}

export function sectionAnnotations(report: GateReport, repoRoot: string, policy?: Policy): Annotation[] {
  return report.conflicts ? conflictAnnotations(report.conflicts, repoRoot, policy) : []
}
