// Which workspace members a cargo command selects (`-p`, `--workspace`, `--exclude`, default members),
// so the gate can tell whether each of them was built: a stable verdict needs the workspace checked.
import { cargoOwnArgs } from './commands.js'
import type { CargoMetadata } from './metadata.js'
import { workspaceMembers } from './metadata.js'

/** Member names the args select, as cargo would (globs in -p / --exclude included). */
export function selectedMembers(args: string[], meta: CargoMetadata): string[] {
  const all = workspaceMembers(meta)
  const names = all.map(m => m.name)
  const packages = optionValues(args, ['-p', '--package'])
  const excluded = optionValues(args, ['--exclude'])
  const own = cargoOwnArgs(args)
  if (packages.length > 0) return names.filter(n => packages.some(p => matches(p, n)))
  if (own.includes('--workspace') || own.includes('--all'))
    return names.filter(n => !excluded.some(p => matches(p, n)))
  const defaults = meta.workspace_default_members
  if (!defaults) return names
  return all.filter(m => defaults.includes(m.id)).map(m => m.name)
}

function optionValues(args: string[], flags: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') break
    if (flags.includes(a) && i + 1 < args.length) out.push(args[++i])
    for (const f of flags) {
      if (f.startsWith('--') && a.startsWith(`${f}=`)) out.push(a.slice(f.length + 1))
      else if (f === '-p' && a.startsWith('-p') && a.length > 2) out.push(a.slice(2))
    }
  }
  return out.flatMap(v => v.split(',')).map(v => v.trim().replace(/@.*$/, ''))
}

/** cargo's package specs accept `*`, `?` and `[…]` globs. */
function matches(spec: string, name: string): boolean {
  if (!/[*?[]/.test(spec)) return spec === name
  const re = spec
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${re}$`).test(name)
}
