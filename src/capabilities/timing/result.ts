// Measurement + decision + baseline → the report's timing section. Pure.
import { findEntry, type Baseline } from './baseline.js'
import type { Confirmed } from './confirm.js'
import type { Measurement } from './measure.js'
import { median, percentChange, round } from './stats.js'
import type { TimingSection } from './section.js'
import type { RoundTimes } from './timing-reports.js'
import { TREND_CRATES } from './trend.js'

export function timingSection(
  m: Measurement,
  result: Confirmed,
  baseline: Baseline | null,
  update: { updated: boolean; note: string },
  crateTimes: Pick<RoundTimes, 'files' | 'problems'> = { files: [], problems: [] }
): TimingSection {
  const d = result.decision
  const entry = findEntry(baseline, m.key, m.cacheState)
  const crates = Object.entries(m.crates).map(([name, seconds]) => {
    const past =
      entry?.samples.map(s => s.crates?.[name]).filter((v): v is number => typeof v === 'number') ?? []
    const base = past.length > 0 ? round(median(past)) : null
    return {
      name,
      seconds,
      baselineSeconds: base,
      deltaPercent: base === null ? null : round(percentChange(seconds, base), 1)
    }
  })
  // Crates that moved most (in seconds) first; new crates (no baseline) by their own time.
  crates.sort(
    (a, b) => Math.abs(b.seconds - (b.baselineSeconds ?? 0)) - Math.abs(a.seconds - (a.baselineSeconds ?? 0))
  )
  return {
    metric: m.metric,
    key: m.key,
    cacheState: m.cacheState,
    seconds: m.seconds ?? 0,
    ...(m.seconds === null ? { notMeasured: m.unmeasurable ?? 'no measurement' } : {}),
    baselineSeconds: d.baselineSeconds,
    deltaPercent: d.deltaPercent,
    regression: d.regression,
    slower: d.slower,
    explanation: d.explanation,
    samples: d.samples,
    confirmed: result.confirmed,
    phases: m.phases,
    crates,
    baselineUpdated: update.updated,
    baselineNote: update.note,
    cargoTimings: crateTimes.files,
    crateTimingsNote:
      crateTimes.problems.length > 0
        ? `Per-crate times incomplete: ${crateTimes.problems.join('; ')}.`
        : null,
    ...(entry && entry.samples.length > 0
      ? {
          trend: {
            seconds: entry.samples.map(s => s.seconds),
            limitSeconds: d.limitSeconds,
            crates: Object.entries(m.crates)
              .sort((a, b) => b[1] - a[1])
              .slice(0, TREND_CRATES)
              .map(([name]) => ({ name, seconds: entry.samples.map(s => s.crates?.[name] ?? null) }))
          }
        }
      : {})
  }
}

/** The action outputs this section stands for. */
export function timingOutputs(t: TimingSection): Record<string, string> {
  return {
    'build-seconds': t.notMeasured === undefined ? String(t.seconds) : '',
    'baseline-seconds': t.baselineSeconds === null ? '' : String(t.baselineSeconds),
    'build-delta-percent': t.deltaPercent === null ? '' : String(t.deltaPercent),
    'build-regression': t.regression
  }
}
