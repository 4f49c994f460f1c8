// Inputs judged before anything runs, each error naming the input; the event payload read safely.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { ConfigError } from '../src/inputs.js'
import { parseConfig } from '../src/pipeline/config.js'
import { readRunContext } from '../src/github/context.js'

const parse = (inputs: Record<string, string>) => () => parseConfig(n => inputs[n] ?? '', 'action', '/ws')
const roadmap = { workstreams: 'plan.yaml' }

describe('roadmap and baseline inputs', () => {
  it.each([
    [
      { ...roadmap, 'ready-label': 'Status:Ready', 'blocked-label': 'status:ready' },
      "Input 'blocked-label': 'status:ready' is also the ready-label (GitHub compares labels without case); a workstream could not be both, so give the two different names."
    ],
    [
      { ...roadmap, 'ready-label': 'ready,go' },
      "Input 'ready-label': 'ready,go' contains a comma, which splits GitHub's labels= filter; choose another label."
    ],
    [
      { ...roadmap, 'blocked-label': 'b'.repeat(51) },
      `Input 'blocked-label': '${'b'.repeat(51)}' is 51 characters; GitHub allows 50; choose another label.`
    ],
    [
      { ...roadmap, 'workstream-label-prefix': 'ws,' },
      "Input 'workstream-label-prefix': 'ws,' contains a comma, which splits GitHub's labels= filter; choose another prefix."
    ],
    [
      { 'baseline-branch': 'gate..baseline' },
      "Input 'baseline-branch': branch 'gate..baseline' contains '..', so git would refuse it; give a valid branch name."
    ],
    [
      { 'base-branch': 'main.lock' },
      "Input 'base-branch': branch 'main.lock' has a component ending with '.lock' (main.lock), so git would refuse it; give a valid branch name."
    ]
  ])('refused: %j', (inputs, message) => {
    expect(parse(inputs)).toThrow(ConfigError)
    expect(parse(inputs)).toThrow(message)
  })

  it('label inputs are only judged when there is a roadmap', () => {
    expect(parse({ 'ready-label': 'same', 'blocked-label': 'same' })).not.toThrow()
  })

  it('a token with a line break is refused without being shown', () => {
    const secret = 'ghp_abcdefghijklmnop'
    let message = ''
    try {
      parse({ 'github-token': `${secret}\nghp_second` })()
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toBe(
      "Input 'github-token': contains a line break (the value is not shown); store the secret without it."
    )
    expect(message).not.toContain('ghp_')
  })
})

describe('the event payload', () => {
  const event = (text: string) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'event-')), 'event.json')
    writeFileSync(file, text)
    return readRunContext({
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: file,
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_REF: 'refs/heads/main'
    })
  }

  it.each([
    ['{"repository": {"default_branch": "main"', /could not be read as JSON \(not valid JSON\)/],
    ['[1, 2]', /the event payload is not a JSON object/],
    ['{"pull_request": {"number": "seven"}}', /`pull_request\.number` is not a number/]
  ])('%s: a problem, never trusted to write, no exception', (text, problem) => {
    const ctx = event(text)
    expect(ctx.payloadProblem).toMatch(problem)
    expect(ctx.trusted).toBe(false)
    expect(ctx.pullRequest).toBeNull()
    expect(ctx.trustReason).toMatch(/nothing is written to GitHub$/)
  })

  it('a good scheduled payload is trusted', () => {
    expect(event('{"repository": {"default_branch": "main"}}')).toMatchObject({
      trusted: true,
      payloadProblem: null
    })
  })
})
