import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

// @actions/core imports its OIDC client, and with it an HTTP stack (undici, ~1 MB), at load time: every
// action run would parse and evaluate it, though only core.getIDToken uses it and the gate never calls
// that. The same class, its module loaded on first use.
const LAZY_OIDC = '\0lazy-oidc-client'
const coreDir = path.dirname(fileURLToPath(import.meta.resolve('@actions/core')))
const lazyOidc = {
  name: 'lazy-oidc-client',
  resolveId(source, importer) {
    if (source === './oidc-utils.js' && importer === path.join(coreDir, 'core.js')) return LAZY_OIDC
    return null
  },
  load(id) {
    if (id !== LAZY_OIDC) return null
    const real = JSON.stringify(path.join(coreDir, 'oidc-utils.js'))
    return `export class OidcClient {
  static async getIDToken(audience) {
    const { OidcClient } = await import(${real})
    return OidcClient.getIDToken(audience)
  }
}
`
  }
}

// Two entry points over the same code: the action (dist/index.js) and the CLI (dist/cli.js).
const config = {
  input: { index: 'src/index.ts', cli: 'src/bin.ts' },
  output: {
    esModule: true,
    dir: 'dist',
    format: 'es',
    sourcemap: false,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name].js',
    // The glob matcher, shared by the roadmap and the shard merge, under a name that says what it is.
    manualChunks: id => (/node_modules\/(tinyglobby|fdir|picomatch)\//.test(id) ? 'glob' : undefined),
    banner: chunk => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '')
  },
  onwarn(warning, warn) {
    if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return
    // bottleneck's optional Redis support, never used here.
    if (warning.code === 'EVAL' && warning.id?.includes('node_modules/bottleneck')) return
    warn(warning)
  },
  plugins: [
    lazyOidc,
    typescript({ tsconfig: './tsconfig.build.json' }),
    nodeResolve({ preferBuiltins: true }),
    commonjs(),
    json()
  ]
}

export default config
