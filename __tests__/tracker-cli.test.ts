// The tracker on a laptop: the CLI reads the run history for its status line and never writes it.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { PassThrough } from 'node:stream'
import { main } from '../src/cli.js'

async function cli(args: string[]) {
  const out = new PassThrough()
  const err = new PassThrough()
  let stdout = ''
  let stderr = ''
  out.on('data', d => (stdout += d))
  err.on('data', d => (stderr += d))
  const code = await main(args, out as unknown as NodeJS.WriteStream, err as unknown as NodeJS.WriteStream)
  return { code, stdout, stderr }
}

describe('build-gate CLI with --tracker', () => {
  it('shows how long the build was unstable and what the fix resolved, leaving the history as it was', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gate-cli-tracker-'))
    const history = path.join(dir, 'history.json')
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000 - 60_000).toISOString()
    const text = JSON.stringify({
      format: 'build-gate-history',
      version: 1,
      runs: [
        {
          at: twoDaysAgo,
          sha: '1a2b3c4d'.repeat(5),
          runUrl: null,
          stable: false,
          findings: [{ code: 'single-version', crate: 'base64', severity: 'block', count: 1 }]
        }
      ]
    })
    writeFileSync(history, text)
    const r = await cli([
      '--working-directory',
      '__fixtures__/workspaces/clean',
      '--report-path',
      path.join(dir, 'report.json'),
      '--baseline-store',
      'file',
      '--baseline-path',
      path.join(dir, 'baseline.json'),
      '--tracker',
      'true',
      '--history-path',
      history
    ])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(
      /^Stabilization: stable again since .* UTC, after 2 days unstable; 1 of 1 conflict resolved$/m
    )
    expect(readFileSync(history, 'utf8')).toBe(text)
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')).tracker.mode).toBe('preview')
  })

  it('refuses a bad escalate-after naming the input', async () => {
    const r = await cli(['--working-directory', '.', '--escalate-after', 'soon'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/--escalate-after: 'soon' is not a duration/)
  })
})
