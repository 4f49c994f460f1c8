// The registered capabilities, in the order every rendering shows them. Adding one: a folder beside
// these with its `Capability`, one line here, its inputs/outputs in action.yml and the README tables.
import { build } from './build/index.js'
import type { Capability } from './capability.js'
import { conflicts } from './conflicts/index.js'
import { fixPr } from './fix-pr/index.js'
import { fixes } from './fixes/index.js'
import { prComment } from './pr-comment/index.js'
import { publicApi } from './public-api/index.js'
import { roadmap } from './roadmap/index.js'
import { tests } from './tests/index.js'
import { timing } from './timing/index.js'
import { checklist } from './checklist/index.js'
import { tracker } from './tracker/index.js'

export const CAPABILITIES: readonly Capability[] = [
  build,
  tests,
  conflicts,
  publicApi,
  fixes,
  fixPr,
  timing,
  tracker,
  roadmap,
  checklist,
  prComment
]
