// Every test file's process gets its own state directory: a CLI run without --baseline-path keeps its
// baseline there (src/store/state-dir.ts), never in the home of whoever runs the tests.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'

process.env.XDG_STATE_HOME = mkdtempSync(path.join(tmpdir(), 'gate-test-state-'))
