// Reading cargo's --timings report: real files captured from cargo 1.95 and nightly 1.97
// (`cargo test --workspace --no-run --timings` on __fixtures__/timing/ws), the older shape of
// cargo 1.60–1.92, and reports this reader does not understand.
import { describe, expect, it } from '@jest/globals'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import {
  parseCargoTimings,
  savedReportPath,
  workspaceCrateTimes
} from '../src/capabilities/timing/cargo-timings.js'
import { totalsByCrate } from '../src/capabilities/timing/crate-times.js'
import { TimingReports } from '../src/capabilities/timing/timing-reports.js'
import { timingFindings } from '../src/capabilities/timing/findings.js'
import type { TimingSection } from '../src/capabilities/timing/index.js'

const captured = (name: string) => readFileSync(`__fixtures__/captured/cargo-timings/${name}`, 'utf8')
const MEMBERS = [
  { name: 'timing-core', version: '0.1.0' },
  { name: 'timing-app', version: '0.1.0' }
]

// The shape cargo 1.60–1.92 wrote: `rmeta_time`, `unlocked_*` (renamed `unblocked_*` in 1.93), no sections.
const OLD_SHAPE = `<script>
DURATION = 3;
const UNIT_DATA = [
  {
    "i": 0,
    "name": "serde",
    "version": "1.0.200",
    "mode": "run-custom-build",
    "target": " build script (run)",
    "start": 0.01,
    "duration": 0.3,
    "rmeta_time": null,
    "unlocked_units": [1],
    "unlocked_rmeta_units": []
  },
  {
    "i": 1,
    "name": "app",
    "version": "0.2.0",
    "mode": "todo",
    "target": " app \\"bin\\" [x]",
    "start": 0.5,
    "duration": 1.25,
    "rmeta_time": 0.4,
    "unlocked_units": [],
    "unlocked_rmeta_units": []
  }
];
const CONCURRENCY_DATA = [];
</script>`

describe('parseCargoTimings', () => {
  it('reads every unit of a cargo 1.95 report, the doc-test placeholder included', () => {
    const r = parseCargoTimings(captured('1.95-test-build.html'))
    expect(r.problem).toBeNull()
    expect(r.units?.map(u => `${u.name}${u.target}`)).toEqual([
      'timing-core timing_core "lib" (doc test)',
      'outside-dep',
      'timing-core',
      'timing-core timing_core "lib" (test)',
      'timing-app timing-app "bin" (test)'
    ])
    expect(r.units?.map(u => u.duration)).toEqual([0, 0.04, 0.04, 0.18, 0.13])
  })

  it('counts only workspace members, summed over their units', () => {
    const r = parseCargoTimings(captured('1.95-test-build.html'))
    const times = workspaceCrateTimes(r.units!, MEMBERS)
    expect(times.map(t => `${t.crate}: ${t.kind}`)).toEqual([
      'timing-core: timing_core "lib" (doc test)',
      'timing-core: lib',
      'timing-core: timing_core "lib" (test)',
      'timing-app: timing-app "bin" (test)'
    ])
    const totals = totalsByCrate(times)
    expect([...totals.keys()].sort()).toEqual(['timing-app', 'timing-core'])
    expect(totals.get('timing-core')).toBeCloseTo(0.22, 5)
    expect(totals.get('timing-app')).toBeCloseTo(0.13, 5)
    // A dependency with a member's name but another version is not the member.
    expect(workspaceCrateTimes(r.units!, [{ name: 'timing-core', version: '9.9.9' }])).toEqual([])
  })

  it('reads the nightly (1.97) report, where sections may be null', () => {
    const r = parseCargoTimings(captured('1.97-nightly-test-build.html'))
    expect(r.problem).toBeNull()
    expect(r.units?.length).toBe(5)
    expect(totalsByCrate(workspaceCrateTimes(r.units!, MEMBERS)).get('timing-core')).toBeGreaterThan(0)
  })

  it('reads the older shape (rmeta_time, unlocked_units) and strings holding brackets', () => {
    const r = parseCargoTimings(OLD_SHAPE)
    expect(r.problem).toBeNull()
    expect(r.units).toEqual([
      { name: 'serde', version: '1.0.200', target: ' build script (run)', start: 0.01, duration: 0.3 },
      { name: 'app', version: '0.2.0', target: ' app "bin" [x]', start: 0.5, duration: 1.25 }
    ])
  })

  it('says what it did not understand instead of guessing', () => {
    expect(parseCargoTimings('<html>no data</html>').problem).toMatch(/no UNIT_DATA/)
    expect(parseCargoTimings('const UNIT_DATA = [ {"name": "a"').problem).toMatch(/cut short/)
    expect(parseCargoTimings('const UNIT_DATA = [ {name: 1} ];').problem).toMatch(/not JSON/)
    expect(parseCargoTimings('const UNIT_DATA = [{"crate": "a", "secs": 1}];').problem).toMatch(
      /entry 0 .*no name, version and duration \(keys: crate, secs\)/
    )
    expect(parseCargoTimings('const UNIT_DATA = [];')).toEqual({ units: [], problem: null })
  })
})

describe('savedReportPath', () => {
  it('finds the path cargo prints on stderr, and nothing else', () => {
    expect(
      savedReportPath(
        '      Timing report saved to /t/target/cargo-timings/cargo-timing-20261125T080831107Z-61da9979da83443e.html'
      )
    ).toBe('/t/target/cargo-timings/cargo-timing-20261125T080831107Z-61da9979da83443e.html')
    expect(savedReportPath('   Compiling timing-app v0.1.0 (/tmp/ws/crates/app)')).toBeNull()
  })
})

describe('TimingReports', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'timing-reports-'))

  it('adds --timings after the subcommand, before the harness args, and only when enabled', () => {
    const cmd = { program: 'cargo', args: ['+nightly', 'test', '--workspace', '--', '--nocapture'] }
    expect(new TimingReports(true).command(cmd).args).toEqual([
      '+nightly',
      'test',
      '--timings',
      '--workspace',
      '--',
      '--nocapture'
    ])
    expect(new TimingReports(false).command(cmd)).toBe(cmd)
  })

  it('reads the reports cargo said it wrote, and names the ones it could not use', () => {
    const good = path.join(dir, 'good.html')
    copyFileSync('__fixtures__/captured/cargo-timings/1.95-test-build.html', good)
    const bad = path.join(dir, 'bad.html')
    writeFileSync(bad, '<html>a future cargo</html>')
    const lines: string[] = []
    const t = new TimingReports(true)
    const check = t.listen('check', l => lines.push(l))
    check('    Checking timing-core v0.1.0')
    check(`      Timing report saved to ${bad}`)
    t.listen('test-build')(`      Timing report saved to ${good}`)
    t.listen('doc')('no report line')
    const r = t.latest(MEMBERS)
    expect(lines).toHaveLength(2)
    expect(r.files).toEqual([{ phase: 'test-build', path: good }])
    expect(r.times.map(x => x.crate)).toEqual(['timing-core', 'timing-core', 'timing-core', 'timing-app'])
    expect(r.problems).toEqual([
      `check: no UNIT_DATA found in the cargo timing report (${bad})`,
      'cargo did not say where it wrote the --timings report of doc'
    ])
    t.newRound()
    expect(t.latest(MEMBERS)).toEqual({ times: [], files: [], problems: [] })
  })
})

describe('a timing report that could not be read', () => {
  it('is an info finding, never a blocking one, and the verdict does not depend on it', () => {
    const t = {
      regression: 'no-baseline',
      explanation: 'No baseline yet.',
      crateTimingsNote:
        'Per-crate times incomplete: build: no UNIT_DATA found in the cargo timing report (x.html).'
    } as TimingSection
    expect(timingFindings(t, { failOnRegression: true })).toEqual([
      { code: 'crate-timings-unread', severity: 'info', message: t.crateTimingsNote, source: 'timing' }
    ])
    expect(timingFindings({ ...t, crateTimingsNote: null }, { failOnRegression: true })).toEqual([])
  })
})
