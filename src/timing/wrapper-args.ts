// Reading a rustc command line: what kind of unit it builds, and the jobserver cargo shares with it.

export function unitKind(args: string[]): string {
  const value = (flag: string): string | null => {
    const i = args.indexOf(flag)
    if (i !== -1) return args[i + 1] ?? null
    const eq = args.find(a => a.startsWith(`${flag}=`))
    return eq ? eq.slice(flag.length + 1) : null
  }
  const emit = value('--emit') ?? ''
  const mode = emit.includes('metadata') && !emit.includes('link') ? 'check' : 'build'
  const name = value('--crate-name') ?? ''
  const what = name.startsWith('build_script_')
    ? 'build-script'
    : args.includes('--test')
      ? 'test'
      : (value('--crate-type') ?? 'bin')
  return `${mode}:${what}`
}

/** The fds of a pipe-style make jobserver, which rustc must inherit to share cargo's job tokens. */
export function jobserverFds(env: NodeJS.ProcessEnv): number[] {
  const flags = `${env.CARGO_MAKEFLAGS ?? ''} ${env.MAKEFLAGS ?? ''}`
  const m = /--jobserver-(?:auth|fds)=(\d+),(\d+)/.exec(flags)
  return m ? [Number(m[1]), Number(m[2])] : []
}
