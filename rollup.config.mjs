import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

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
    banner: chunk => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '')
  },
  onwarn(warning, warn) {
    if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return
    // bottleneck's optional Redis support, never used here.
    if (warning.code === 'EVAL' && warning.id?.includes('node_modules/bottleneck')) return
    warn(warning)
  },
  plugins: [
    typescript({ tsconfig: './tsconfig.build.json' }),
    nodeResolve({ preferBuiltins: true }),
    commonjs(),
    json()
  ]
}

export default config
