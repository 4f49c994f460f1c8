// cargo's `--message-format=json` stream, one line at a time. Lines that are not cargo messages
// (libtest output, build script noise) are left to other readers; a line that starts like a cargo
// message but does not parse is counted, because the gate must not call a half-read build stable.
import { stripVTControlCharacters } from 'node:util'
import type { Diagnostic, PhaseName, SourceSpan, Suggestion, UnitCounts } from '../report/schema.js'

interface RawSpan {
  file_name: string
  line_start: number
  line_end: number
  column_start: number
  column_end: number
  is_primary: boolean
  suggested_replacement?: string | null
  suggestion_applicability?: string | null
}

interface RawDiagnostic {
  message: string
  code: { code: string } | null
  level: string
  spans: RawSpan[]
  rendered: string | null
  /** Notes and help; a help whose spans carry replacements is a suggested fix. */
  children?: { message: string; spans: RawSpan[] }[]
}

export interface ArtifactInfo {
  packageId: string
  targetName: string
  targetKind: string[]
  isTest: boolean
  executable: string | null
  fresh: boolean
}

export interface MessageSink {
  /** A diagnostic from a workspace crate. */
  diagnostic(d: Diagnostic): void
  dependencyWarning?(packageId: string): void
  dependencyError?(packageId: string, message: string): void
  artifact?(a: ArtifactInfo): void
}

export interface MessageReaderState {
  units: UnitCounts
  buildFinished: boolean | null
  unreadableLines: number
  firstUnreadable: string | null
  /** Lines in cargo's message format after build-finished in a phase that only builds: forged. */
  lateMessages: number
  firstLate: string | null
}

// rustc's own tallies ("2 warnings emitted", "aborting due to …") repeat what was already counted.
const TALLY = /^(aborting due to|\d+ warnings? emitted|warning: .* generated \d+ warnings?)/

export class CargoMessageReader {
  readonly state: MessageReaderState = {
    units: { workspace: { compiled: 0, fresh: 0 }, dependencies: { compiled: 0, fresh: 0 } },
    buildFinished: null,
    unreadableLines: 0,
    firstUnreadable: null,
    lateMessages: 0,
    firstLate: null
  }

  constructor(
    private readonly members: ReadonlyMap<string, string>,
    private readonly phase: PhaseName,
    private readonly sink: MessageSink
  ) {}

  /**
   * Returns true when the line was a cargo message (consumed). cargo's last message is
   * build-finished: what follows on stdout (test binaries, in `cargo test`) is never cargo's.
   */
  push(line: string): boolean {
    if (!line.startsWith('{"reason":')) return false
    if (this.state.buildFinished !== null) {
      // In `cargo test` the test binaries' output follows, never cargo's. A phase that only builds
      // prints nothing after build-finished: what does was forged by something whose stdout reaches
      // cargo's (a proc macro), and a forged build-finished would end the reading before the real ones.
      if (this.phase !== 'test') {
        this.state.lateMessages++
        this.state.firstLate ??= line.slice(0, 200)
      }
      return false
    }
    let msg: Record<string, unknown>
    try {
      msg = JSON.parse(line) as Record<string, unknown>
    } catch {
      this.unreadable(line)
      return true
    }
    switch (msg.reason) {
      case 'compiler-message':
        this.compilerMessage(msg)
        break
      case 'compiler-artifact':
        this.artifact(msg)
        break
      case 'build-finished':
        this.state.buildFinished = msg.success === true
        break
    }
    return true
  }

  /** A line that looked like a cargo message but was not one: counted, so the phase is not trusted. */
  private unreadable(line: string): void {
    this.state.unreadableLines++
    this.state.firstUnreadable ??= line.slice(0, 200)
  }

  private compilerMessage(msg: Record<string, unknown>): void {
    const packageId = String(msg.package_id)
    const raw = msg.message
    if (!isRawDiagnostic(raw)) {
      this.unreadable(JSON.stringify(msg).slice(0, 200))
      return
    }
    const severity = raw.level === 'warning' ? 'warning' : raw.level.startsWith('error') ? 'error' : null
    if (!severity || TALLY.test(raw.message)) return
    const crate = this.members.get(packageId)
    if (!crate) {
      if (severity === 'warning') this.sink.dependencyWarning?.(packageId)
      else this.sink.dependencyError?.(packageId, raw.message)
      return
    }
    this.sink.diagnostic({
      severity,
      crate,
      code: raw.code?.code ?? null,
      message: raw.message,
      rendered: raw.rendered ? stripVTControlCharacters(raw.rendered) : raw.message,
      ...(raw.rendered?.includes('\u001b[') ? { renderedAnsi: raw.rendered } : {}),
      span: primarySpan(raw.spans),
      phase: this.phase,
      ...suggestionsOf(raw)
    })
  }

  private artifact(msg: Record<string, unknown>): void {
    const packageId = String(msg.package_id)
    const target = msg.target as { name: string; kind: string[] }
    const profile = msg.profile as { test?: boolean } | undefined
    const fresh = msg.fresh === true
    const bucket = this.members.has(packageId) ? this.state.units.workspace : this.state.units.dependencies
    if (fresh) bucket.fresh++
    else bucket.compiled++
    this.sink.artifact?.({
      packageId,
      targetName: target?.name ?? '',
      targetKind: target?.kind ?? [],
      isTest: profile?.test === true,
      executable: typeof msg.executable === 'string' ? msg.executable : null,
      fresh
    })
  }
}

// The shape the reader relies on, checked at the edge: anything else is an unreadable line.
function isRawDiagnostic(v: unknown): v is RawDiagnostic {
  if (typeof v !== 'object' || v === null) return false
  const d = v as Record<string, unknown>
  return (
    typeof d.message === 'string' &&
    typeof d.level === 'string' &&
    Array.isArray(d.spans) &&
    d.spans.every(isRawSpan) &&
    (d.code == null || typeof (d.code as { code?: unknown }).code === 'string') &&
    (d.rendered == null || typeof d.rendered === 'string')
  )
}

function isRawSpan(v: unknown): v is RawSpan {
  if (typeof v !== 'object' || v === null) return false
  const s = v as Record<string, unknown>
  return (
    typeof s.file_name === 'string' &&
    ['line_start', 'line_end', 'column_start', 'column_end'].every(k => typeof s[k] === 'number')
  )
}

/**
 * The children whose every replacement rustc marks machine-applicable: what `cargo fix` would apply.
 * A child with one edit that is not (a placeholder, a guess) is left out whole.
 */
function suggestionsOf(raw: RawDiagnostic): { suggestions?: Suggestion[] } {
  const suggestions: Suggestion[] = []
  for (const child of raw.children ?? []) {
    if (typeof child?.message !== 'string' || !Array.isArray(child.spans)) continue
    const edits = child.spans.filter(s => isRawSpan(s) && typeof s.suggested_replacement === 'string')
    if (!edits.length || !edits.every(s => s.suggestion_applicability === 'MachineApplicable')) continue
    suggestions.push({
      message: child.message,
      edits: edits.map(s => ({
        file: s.file_name,
        line: s.line_start,
        column: s.column_start,
        endLine: s.line_end,
        endColumn: s.column_end,
        replacement: s.suggested_replacement!
      }))
    })
  }
  return suggestions.length ? { suggestions } : {}
}

function primarySpan(spans: RawSpan[]): SourceSpan | null {
  const s = spans.find(x => x.is_primary) ?? spans[0]
  if (!s) return null
  return {
    file: s.file_name,
    line: s.line_start,
    column: s.column_start,
    endLine: s.line_end,
    endColumn: s.column_end
  }
}

/** Identity of a diagnostic across phases: cargo replays the same warning for check, lib test, … */
export function diagnosticKey(d: Diagnostic): string {
  const at = d.span ? `${d.span.file}:${d.span.line}:${d.span.column}` : ''
  return `${d.crate}\u0000${d.severity}\u0000${d.code ?? ''}\u0000${d.message}\u0000${at}`
}
