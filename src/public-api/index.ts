// The public-API capability: inputs → (section, findings), merge across shards, renderings.
import type { Finding } from '../findings/finding.js'
import { checkPublicApi, realPorts, type PublicApiInputs, type PublicApiPorts } from './check.js'
import { apiFindings } from './findings.js'
import type { PublicApiSection } from './section.js'

export { mergeSections as mergePublicApi, offSection as publicApiOff } from './section.js'
export type { PublicApiSection, ApiPolicy } from './section.js'
export { publicApiMarkdown, publicApiText, publicApiAnnotations, publicApiOutputs } from './render.js'
export { apiFindings, API_FINDING_CODES } from './findings.js'
export type { PublicApiInputs } from './check.js'

export async function runPublicApi(
  inputs: PublicApiInputs,
  ports: PublicApiPorts = realPorts
): Promise<{ section: PublicApiSection; findings: Finding[] }> {
  const section = await checkPublicApi(inputs, ports)
  return { section, findings: apiFindings(section) }
}
