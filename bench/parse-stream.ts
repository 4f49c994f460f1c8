// Child of bench/run.ts: streams a cargo message file through the gate's real reading path
// (process adapter → line reader → message reader → tally) and prints time and peak memory.
import { DiagnosticTally } from '../src/cargo/diagnostics.js'
import { CargoMessageReader } from '../src/cargo/messages.js'
import { runProcess } from '../src/cargo/process.js'

const [file, memberId] = process.argv.slice(2)
const tally = new DiagnosticTally()
const reader = new CargoMessageReader(new Map([[memberId, 'bench-crate']]), 'check', {
  diagnostic: d => tally.add(d),
  dependencyWarning: () => void tally.dependencyWarnings++
})
let lines = 0
const start = process.hrtime.bigint()
await runProcess('cat', [file], {
  cwd: process.cwd(),
  onStdoutLine: line => {
    lines++
    reader.push(line)
  }
})
const seconds = Number(process.hrtime.bigint() - start) / 1e9
const section = tally.section()
process.stdout.write(
  JSON.stringify({
    seconds,
    lines,
    warnings: section.warnings,
    kept: section.items.length,
    omitted: section.omitted,
    maxRssMb: process.resourceUsage().maxRSS / 1024
  }) + '\n'
)
