// The CLI's main() in this process, with its two streams captured (as a terminal or not).
import { PassThrough } from 'node:stream'
import { main } from '../../src/cli.js'

export async function cli(args: string[], options: { tty?: boolean; errTty?: boolean } = {}) {
  const out = Object.assign(new PassThrough(), { isTTY: options.tty ?? false })
  const err = Object.assign(new PassThrough(), { isTTY: options.errTty ?? false })
  let stdout = ''
  let stderr = ''
  out.on('data', d => (stdout += d))
  err.on('data', d => (stderr += d))
  const code = await main(args, out as unknown as NodeJS.WriteStream, err as unknown as NodeJS.WriteStream)
  return { code, stdout, stderr }
}
