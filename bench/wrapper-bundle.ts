// Bundles src/timing/rustc-wrapper.ts into one executable script, as the release bundle does
// (dist/rustc-wrapper.js), so benchmarks and tests run the wrapper exactly as cargo will.
import { buildSync } from 'esbuild'
import { chmodSync, mkdirSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export function bundleWrapper(outDir: string): string {
  mkdirSync(outDir, { recursive: true })
  const out = path.join(outDir, 'rustc-wrapper.mjs')
  buildSync({
    entryPoints: [path.join(ROOT, 'src/timing/rustc-wrapper.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'error'
  })
  chmodSync(out, 0o755)
  return out
}
