// Regenerates the inputs/outputs tables of README.md from action.yml (`npx tsx scripts/docs.ts`);
// `--check` exits 1 when the README is out of date.
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

interface Action {
  inputs: Record<string, { description: string; default: string }>
  outputs: Record<string, { description: string }>
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')

export function renderTables(action: Action): { inputs: string; outputs: string } {
  const inputs = [
    '| input | default | description |',
    '| --- | --- | --- |',
    ...Object.entries(action.inputs).map(
      ([k, v]) => `| \`${k}\` | ${v.default ? `\`${cell(v.default)}\`` : ''} | ${cell(v.description)} |`
    )
  ].join('\n')
  const outputs = [
    '| output | description |',
    '| --- | --- |',
    ...Object.entries(action.outputs).map(([k, v]) => `| \`${k}\` | ${cell(v.description)} |`)
  ].join('\n')
  return { inputs, outputs }
}

export function updateReadme(readme: string, action: Action): string {
  const t = renderTables(action)
  const put = (text: string, tag: string, body: string) =>
    text.replace(
      new RegExp(`<!-- ${tag} -->[\\s\\S]*?<!-- /${tag} -->`),
      `<!-- ${tag} -->\n${body}\n<!-- /${tag} -->`
    )
  return put(put(readme, 'inputs', t.inputs), 'outputs', t.outputs)
}

if (process.argv[1]?.endsWith('docs.ts')) {
  const action = parse(readFileSync('action.yml', 'utf8')) as Action
  const readme = readFileSync('README.md', 'utf8')
  const next = updateReadme(readme, action)
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md tables are out of date: run npx tsx scripts/docs.ts')
      process.exit(1)
    }
  } else writeFileSync('README.md', next)
}
