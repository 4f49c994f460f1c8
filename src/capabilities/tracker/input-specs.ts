// The tracker's rows of the inputs table (action.yml and the CLI flags are checked against it).
export const TRACKER_INPUTS = [
  {
    name: 'tracker',
    default: 'false',
    description:
      "Keep a run history next to the baseline, tick the gate workstream's checklist on its tracking issue and escalate when the build stays unstable (trusted runs only)."
  },
  {
    name: 'history-path',
    default: 'build-gate/history.json',
    description:
      "Path of the run history in the baseline branch; for `baseline-store: file`, relative to working-directory when given, else beside the baseline in the user's state directory."
  },
  {
    name: 'escalate-after',
    default: '3d',
    description:
      'How long the build may stay unstable on trusted runs before the tracker escalates: `3d`, `12h`, `90m`, `1s`, or `off`.'
  },
  {
    name: 'escalation-label',
    default: 'status:escalated',
    description: "Label put on the gate workstream's tracking issue while the instability is escalated."
  },
  {
    name: 'escalate-to',
    default: '',
    description: 'Users or teams the escalation comment mentions, e.g. `@alice, @org/build-team`.'
  }
]
