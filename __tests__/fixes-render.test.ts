// "How to fix" as the user reads it: the exact command or the manifest diff, verified or not, with the
// compile errors; and the `fixes` output's public shape.
import { beforeAll, describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { fixesMarkdown, fixesText } from '../src/capabilities/fixes/render.js'
import { fixesOutput } from '../src/capabilities/fixes/section.js'
import type { FixesSection } from '../src/capabilities/fixes/section.js'
import { fixesFor, FIXES_FIXTURES } from './fixes-fixture.js'

let msrv: FixesSection
let broken: FixesSection
let blocked: FixesSection

beforeAll(async () => {
  msrv = (await fixesFor(path.join(FIXES_FIXTURES, 'msrv'))).section
  broken = (await fixesFor(path.join(FIXES_FIXTURES, 'duplicates-incompatible'))).section
  blocked = (await fixesFor(path.join(FIXES_FIXTURES, 'msrv-blocked'))).section
})

describe('How to fix', () => {
  it('markdown: the verified command in a code block, and how to apply it', () => {
    const md = fixesMarkdown(msrv)
    expect(md).toContain('### How to fix')
    expect(md).toContain('- ✅ verified: base64ct 1.8.0 → 1.6.0 in Cargo.lock (fixes msrv base64ct 1.8.0)')
    expect(md).toContain(
      `\`\`\`sh\n  cargo update -p base64ct@1.8.0 --config 'resolver.incompatible-rust-versions="fallback"'\n  \`\`\``
    )
    expect(md).toContain('Apply the verified fix locally with `build-gate --apply`.')
  })

  it("markdown: an unverified manifest fix shows its diff, the reason and rustc's errors", () => {
    const md = fixesMarkdown(broken)
    expect(md).toContain(
      '- ❌ not verified: base64 0.21.7 → 0.22.1: raise the requirement in crates/toka-tools/Cargo.toml'
    )
    expect(md).toContain('-base64 = { version = "0.21", default-features = false } # pinned long ago')
    expect(md).toContain('+base64 = { version = "0.22", default-features = false } # pinned long ago')
    expect(md).toContain('Not verified: 2 compile errors in toka-tools (cargo check).')
    expect(md).toContain('error[E0425]: cannot find function `encode` in crate `base64`')
    expect(md).not.toContain('build-gate --apply')
  })

  it('terminal: the command, the diff, the blocker', () => {
    expect(fixesText(msrv).split('\n').slice(0, 3)).toEqual([
      'How to fix:',
      '  ✓ verified  base64ct 1.8.0 → 1.6.0 in Cargo.lock (fixes msrv base64ct 1.8.0)',
      `      cargo update -p base64ct@1.8.0 --config 'resolver.incompatible-rust-versions="fallback"'`
    ])
    expect(fixesText(broken)).toContain(
      '      crates/toka-tools/Cargo.toml:10\n      - base64 = { version = "0.21", default-features = false } # pinned long ago\n      + base64 = { version = "0.22", default-features = false } # pinned long ago'
    )
    expect(fixesText(blocked)).toContain(
      '⛔ blocked  msrv base64ct 1.8.0: password-hash 0.6.0 requires base64ct ^1.8.'
    )
  })

  it('the fixes output: one item per fix with the public fields', () => {
    expect(fixesOutput(msrv)).toEqual([
      {
        crate: 'base64ct',
        from: '1.8.0',
        to: '1.6.0',
        kind: 'lock',
        manifest: null,
        verified: true,
        command: `cargo update -p base64ct@1.8.0 --config 'resolver.incompatible-rust-versions="fallback"'`,
        fixes: 'msrv',
        reason: null
      }
    ])
    expect(fixesOutput(broken)[0]).toMatchObject({
      kind: 'manifest',
      manifest: 'crates/toka-tools/Cargo.toml',
      verified: false,
      command: null
    })
  })
})
