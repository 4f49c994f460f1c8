// @actions/core stand-in for tests of run(): records what the action tells the runner.
import type * as core from '@actions/core'
import { jest } from '@jest/globals'

export const inputs: Record<string, string> = {}
export const getInput = jest.fn<typeof core.getInput>((name: string) => inputs[name] ?? '')
export const setOutput = jest.fn<typeof core.setOutput>()
export const setFailed = jest.fn<typeof core.setFailed>()
export const setSecret = jest.fn<typeof core.setSecret>()
export const info = jest.fn<typeof core.info>()
export const debug = jest.fn<typeof core.debug>()
export const warning = jest.fn<typeof core.warning>()
export const error = jest.fn<typeof core.error>()
export const notice = jest.fn<typeof core.notice>()
export const startGroup = jest.fn<typeof core.startGroup>()
export const endGroup = jest.fn<typeof core.endGroup>()
export const isDebug = jest.fn<typeof core.isDebug>(() => false)

/** Keeps the summary as text so tests can read what a user would see. */
class SummaryRecorder {
  text = ''
  written = ''
  addHeading(t: string) {
    this.text += `# ${t}\n`
    return this
  }
  addRaw(t: string, eol = false) {
    this.text += t + (eol ? '\n' : '')
    return this
  }
  addList(items: string[]) {
    this.text += items.map(i => `- ${i}`).join('\n') + '\n'
    return this
  }
  addTable(rows: (string | { data: string })[][]) {
    this.text += rows.map(r => r.map(c => (typeof c === 'string' ? c : c.data)).join(' | ')).join('\n') + '\n'
    return this
  }
  addDetails(label: string, content: string) {
    this.text += `${label}\n${content}\n`
    return this
  }
  stringify() {
    return this.text
  }
  async write() {
    this.written += this.text
    this.text = ''
    return this
  }
  emptyBuffer() {
    this.text = ''
    return this
  }
}
export const summary = new SummaryRecorder()
