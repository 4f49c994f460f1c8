// git check-ref-format rules for a branch (refs/heads/<name>), plus `HEAD` and a leading '-', which
// `git branch` refuses on top of them (a lone '@' is fine under refs/heads/). Checked up front: GitHub
// answers a bad ref with an unhelpful 422 mid-run.
import { ConfigError } from '../inputs.js'

export function branchNameProblem(name: string): string | null {
  if (name === '') return 'is empty'
  if (name === 'HEAD') return "is 'HEAD', which git reserves"
  if (name.startsWith('-')) return "starts with '-'"
  if (name.startsWith('/') || name.endsWith('/')) return "starts or ends with '/'"
  if (name.includes('//')) return "contains '//'"
  if (name.endsWith('.')) return "ends with '.'"
  if (name.includes('..')) return "contains '..'"
  if (name.includes('@{')) return "contains '@{'"
  // eslint-disable-next-line no-control-regex
  const bad = /[\x00-\x20\x7f~^:?*[\\]/.exec(name)
  if (bad)
    return `contains ${bad[0] === ' ' ? 'a space' : bad[0] < ' ' || bad[0] === '\x7f' ? 'a control character' : `'${bad[0]}'`}`
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return `has a component starting with '.' (${part})`
    if (part.endsWith('.lock')) return `has a component ending with '.lock' (${part})`
  }
  return null
}

/** A branch an input names (null: none), refused with the input's error when git would refuse it. */
export function assertBranchInput(input: string, name: string | null): void {
  const why = name === null ? null : branchNameProblem(name)
  if (why)
    throw new ConfigError(input, `branch '${name}' ${why}, so git would refuse it; give a valid branch name.`)
}
