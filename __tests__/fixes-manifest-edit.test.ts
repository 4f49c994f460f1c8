// Raising a requirement edits only the version string, whatever the declaration's shape; anything it
// cannot edit safely is refused (null), never rewritten. smol-toml is the oracle for "only that changed".
import { describe, expect, it } from '@jest/globals'
import { parse } from 'smol-toml'
import {
  raiseRequirement,
  raiseWorkspaceRequirement,
  requirementFor
} from '../src/capabilities/fixes/manifest-edit.js'

const head = '[package]\nname = "m"\nversion = "0.1.0"\n\n'

describe('raiseRequirement', () => {
  it.each([
    ['a plain string', '[dependencies]\nbase64 = "0.21"\n', 'base64 = "0.22"'],
    ['single quotes and a comment', "[dependencies]\nbase64 = '0.21'  # keep\n", "base64 = '0.22'  # keep"],
    [
      'an inline table',
      '[dependencies]\nbase64 = { version = "0.21", features = ["std"] }\n',
      'base64 = { version = "0.22", features = ["std"] }'
    ],
    [
      'a table of its own',
      '[dependencies.base64]\nfeatures = ["std"]\nversion = "0.21"\n',
      'version = "0.22"'
    ],
    [
      'a renamed dependency',
      '[dependencies]\nb64 = { package = "base64", version = "0.21" }\n',
      'b64 = { package = "base64", version = "0.22" }'
    ],
    ['a target-specific one', '[target.\'cfg(unix)\'.dependencies]\nbase64 = "0.21"\n', 'base64 = "0.22"']
  ])('%s', (_what, deps, after) => {
    const edit = raiseRequirement(head + deps, 'base64', 'normal', '0.22')!
    expect(edit.after).toBe(after)
    const lines = (head + deps).split('\n')
    expect(edit.text.split('\n').filter((l, i) => l !== lines[i])).toEqual([after])
  })

  it('does not touch another crate whose version string is the same', () => {
    const text = `${head}[dependencies]\nitoa = "0.21"\nbase64 = "0.21"\n`
    const edit = raiseRequirement(text, 'base64', 'normal', '0.22')!
    expect((parse(edit.text) as { dependencies: Record<string, string> }).dependencies).toEqual({
      itoa: '0.21',
      base64: '0.22'
    })
  })

  it('refuses what it cannot edit safely: inherited, path-only, absent, or declared twice', () => {
    expect(
      raiseRequirement(`${head}[dependencies]\nbase64.workspace = true\n`, 'base64', 'normal', '0.22')
    ).toBeNull()
    expect(
      raiseRequirement(`${head}[dependencies]\nbase64 = { path = "../b" }\n`, 'base64', 'normal', '0.22')
    ).toBeNull()
    expect(raiseRequirement(`${head}[dependencies]\nitoa = "1"\n`, 'base64', 'normal', '0.22')).toBeNull()
    const twice = `${head}[target.'cfg(unix)'.dependencies]\nbase64 = "0.21"\n\n[target.'cfg(windows)'.dependencies]\nbase64 = "0.21"\n`
    expect(raiseRequirement(twice, 'base64', 'normal', '0.22')).toBeNull()
  })
})

describe('raiseWorkspaceRequirement', () => {
  it('edits the [workspace.dependencies] entry, in either form', () => {
    const list =
      '[workspace]\nmembers = ["a"]\n\n[workspace.dependencies]\nbase64 = { version = "0.21" } # shared\n'
    expect(raiseWorkspaceRequirement(list, 'base64', '0.22')!.after).toBe(
      'base64 = { version = "0.22" } # shared'
    )
    const table = '[workspace]\nmembers = ["a"]\n\n[workspace.dependencies.base64]\nversion = "0.21"\n'
    expect(raiseWorkspaceRequirement(table, 'base64', '0.22')!.after).toBe('version = "0.22"')
  })
})

describe('requirementFor', () => {
  it('writes the caret requirement cargo add would: major.minor', () => {
    expect(requirementFor('0.22.1')).toBe('0.22')
    expect(requirementFor('1.6.0')).toBe('1.6')
  })
})
