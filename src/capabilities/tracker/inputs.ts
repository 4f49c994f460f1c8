// The tracker's inputs (action inputs and CLI flags of the same names) → its part of the config.
import { ConfigError, nameList, type InputParsers } from '../../inputs.js'
import { parseDuration } from './duration.js'

export interface TrackerConfig {
  enabled: boolean
  historyPath: string
  /** false: with baseline-store file, the history is kept in the state directory (src/store/state-dir.ts). */
  historyPathGiven: boolean
  /** null: escalation off. */
  escalateAfterMs: number | null
  escalationLabel: string
  /** `@user` or `@org/team` mentions. */
  escalateTo: string[]
}

const HANDLE = /^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)?)$/

export function parseTrackerConfig(p: InputParsers): TrackerConfig {
  const { raw } = p
  const enabled = p.bool('tracker')
  const after = parseDuration(raw('escalate-after'))
  if (after === undefined)
    throw new ConfigError(
      'escalate-after',
      `'${raw('escalate-after')}' is not a duration; use a number with a unit (s, m, h, d, w) such as 3d, 12h, 90m or 1s, or off.`
    )
  const label = raw('escalation-label')
  if (label.length > 50 || label.includes(','))
    throw new ConfigError(
      'escalation-label',
      `'${label}' cannot be a GitHub label (at most 50 characters, no comma).`
    )
  const escalateTo = nameList(raw('escalate-to').replace(/\s+/g, ',')).map(h => {
    const m = HANDLE.exec(h)
    if (!m)
      throw new ConfigError(
        'escalate-to',
        `'${h}' is not a GitHub user or team; write @user or @org/team, separated by commas.`
      )
    return `@${m[1]}`
  })
  const historyPath = raw('history-path')
  // Two documents in one file would overwrite each other.
  if (historyPath === raw('baseline-path'))
    throw new ConfigError(
      'history-path',
      `'${historyPath}' is the baseline-path too; give the run history its own file, e.g. build-gate/history.json.`
    )
  return {
    enabled,
    historyPath,
    historyPathGiven: p.given('history-path'),
    escalateAfterMs: after,
    escalationLabel: label,
    escalateTo
  }
}
