import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

// Two entry points over the same code: the action (dist/index.js) and the CLI (dist/cli.js).
const config = {
  input: { index: 'src/index.ts', cli: 'src/cli.ts' },
  output: {
    esModule: true,
    dir: 'dist',
    format: 'es',
    sourcemap: false,
    entryFileNames: '[name].js',
    chunkFileNames: '[name].js',
    banner: (chunk: { name: string }) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '')
  },
  onwarn(warning: { code?: string; message: string }, warn: (w: unknown) => void) {
    if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return
    warn(warning)
  },
  plugins: [
    typescript({ include: ['src/**/*.ts'], compilerOptions: { outDir: 'dist', rootDir: 'src' } }),
    nodeResolve({ preferBuiltins: true }),
    commonjs(),
    json()
  ]
}

export default config
