// The public API as data: an item a user can name, its kind, and the facts the rules compare.
import type { Id } from './rustdoc.js'

export type ApiKind =
  | 'module'
  | 'function'
  | 'method'
  | 'struct'
  | 'enum'
  | 'union'
  | 'trait'
  | 'trait alias'
  | 'constant'
  | 'static'
  | 'type alias'
  | 'macro'
  | 'field'
  | 'variant'
  | 'trait method'
  | 'associated type'
  | 'associated constant'
  | 're-export'

export interface ApiFacts {
  /** Functions and methods: parameters, `self` included. */
  params?: number
  unsafe?: boolean
  /** Trait methods, associated types and constants: has a default. */
  hasDefault?: boolean
  nonExhaustive?: boolean
  /** Structs: no private (or hidden) field, so a literal can build it. */
  allFieldsPublic?: boolean
  /** Traits: true when a supertrait cannot be named outside the crate; null when unsure. */
  sealed?: boolean | null
  /** Re-exports of another crate's item: where it comes from. */
  source?: string
  /** Everything else that a user could notice, as comparable text. */
  signature?: string
}

export interface ApiItem {
  /** Namespace + path: unique within one crate's surface. */
  key: string
  path: string
  kind: ApiKind
  /** Key of the type or trait a member (field, variant, method…) belongs to. */
  parent: string | null
  /** The item's id in its rustdoc document: one item reachable by several paths shares it. */
  id: Id | null
  file: string | null
  line: number | null
  facts: ApiFacts
}

export type Surface = Map<string, ApiItem>
