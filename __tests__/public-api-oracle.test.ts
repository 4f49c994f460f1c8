// Every classification rule of the public-API check against rustc. The fixture workspace (`rules`,
// `rules_derive`) has one module per case: a breaking change, or a look-alike that breaks nobody.
// A client per case uses the base API; all are compiled against the base (they must compile)
// and against the head: rustc rejects exactly the cases the gate calls breaking, except the
// documented conventions (a change rustc cannot see but that breaks users by agreement).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { checkPublicApi } from '../src/capabilities/public-api/check.js'
import { apiFindings } from '../src/capabilities/public-api/findings.js'
import { CHANGE_RULES, type ApiChange } from '../src/capabilities/public-api/diff.js'
import type { PublicApiSection } from '../src/capabilities/public-api/section.js'
import { baseCopy, clientCases, compileClients, rulesRepo, type Compiled } from './support/api-oracle.js'
import { members } from './support/public-api-repo.js'

type Expect = { breaks?: string[]; warns?: string[]; convention?: string }

/** What the gate must say of each case: breaking rules, warn-level rules, or nothing ({}). */
const CASES: Record<string, Expect> = {
  'generics::type_param_added': { breaks: ['type-params-changed'] },
  'generics::type_param_default_added': {},
  'generics::type_param_removed': { breaks: ['type-params-changed'] },
  'generics::fn_type_param_added': { breaks: ['type-params-changed'] },
  'generics::fn_generalized': {},
  'generics::const_param_added': { breaks: ['const-params-changed'] },
  'generics::const_param_default_added': {},
  'generics::lifetime_param_added': { breaks: ['lifetime-params-changed'] },
  'generics::fn_lifetime_named': {},
  'generics::generics_reordered': { breaks: ['generics-reordered'] },
  'generics::generics_renamed': {},
  'generics::bound_added': { breaks: ['bounds-tightened'] },
  'generics::bound_implied': {},
  'generics::bound_removed': {},
  'generics::where_clause_added': { breaks: ['bounds-tightened'] },
  'generics::maybe_sized_removed': { breaks: ['bounds-tightened'] },
  'generics::impl_trait_narrowed': { breaks: ['impl-trait-changed'] },
  'generics::impl_trait_widened': {},
  'generics::struct_to_alias_generics': { breaks: ['kind-changed'] },
  'generics::struct_to_alias_same': {},
  'signatures::return_type_changed': { breaks: ['return-type-changed'] },
  'signatures::returns_unit': { breaks: ['return-type-changed'] },
  'signatures::return_value_added': {},
  'signatures::return_alias': {},
  'signatures::param_type_changed': { breaks: ['param-type-changed'] },
  'signatures::receiver_ref_to_mut': { breaks: ['receiver-changed'] },
  'signatures::receiver_ref_to_owned': { breaks: ['receiver-changed'] },
  'signatures::receiver_mut_to_owned': { breaks: ['receiver-changed'] },
  'signatures::receiver_dropped': { breaks: ['receiver-changed'] },
  'signatures::receiver_mut_to_ref': {},
  'signatures::const_removed': { breaks: ['const-removed'] },
  'signatures::const_added': {},
  'signatures::static_now_mut': { breaks: ['static-mut-changed'] },
  'signatures::static_mut_removed': { breaks: ['static-mut-changed'] },
  'signatures::static_now_unsafe': { breaks: ['became-unsafe'] },
  'signatures::abi_changed': { breaks: ['abi-changed'] },
  'signatures::abi_unwind_added': { breaks: ['abi-changed'] },
  'signatures::export_symbol_changed': {
    breaks: ['export-symbol-changed'],
    convention: 'a symbol C code links against; rustc does not link'
  },
  // A private module's `#[no_mangle]` function: no Rust path reaches it, its symbol is still ABI.
  'signatures::export_private_removed': {
    breaks: ['export-symbol-changed'],
    convention: 'a symbol C code links against; rustc does not link'
  },
  'signatures::private_fn_removed': {},
  'signatures::target_feature_added': { breaks: ['target-feature-added'] },
  'signatures::unsafe_target_feature_added': {
    breaks: ['target-feature-added'],
    convention: "the function's safety contract: callers must now check the CPU"
  },
  'signatures::const_type_changed': { breaks: ['type-changed'] },
  'signatures::field_type_changed': { breaks: ['type-changed'] },
  'signatures::const_to_static': { breaks: ['kind-changed'] },
  'signatures::static_to_const': {},
  'types::repr_c_removed': { breaks: ['repr-changed'] },
  'types::repr_c_added': {},
  'types::repr_int_changed': { breaks: ['repr-changed'] },
  'types::repr_int_removed': { breaks: ['repr-changed'] },
  'types::repr_transparent_removed': {
    breaks: ['repr-changed'],
    convention: 'an ABI guarantee: the layout rustc picks happens to be the same'
  },
  'types::repr_align_changed': { breaks: ['repr-changed'] },
  'types::repr_packed_added': { breaks: ['repr-changed'] },
  'types::discriminant_changed': { breaks: ['discriminant-changed'] },
  'types::discriminant_explicit': {},
  'types::no_longer_castable': { breaks: ['no-longer-castable'] },
  'types::variant_field_added': { breaks: ['field-added'] },
  'types::variant_field_added_non_exhaustive': {},
  'types::variant_field_removed': { breaks: ['field-removed'] },
  'types::variant_kind_changed': { breaks: ['field-removed', 'variant-kind-changed'] },
  'types::variant_non_exhaustive_added': { breaks: ['variant-non-exhaustive-added'] },
  'types::variant_added_non_exhaustive_enum': {},
  'types::struct_kind_changed': { breaks: ['struct-kind-changed'] },
  'types::struct_kind_private': {},
  'types::tuple_field_private': { breaks: ['field-removed'] },
  'types::kind_changed': { breaks: ['kind-changed'] },
  'types::unit_struct_to_alias': { breaks: ['kind-changed'] },
  'types::private_field_added': { breaks: ['field-added'] },
  'types::field_added_beside_hidden': {},
  'traits::supertrait_added': { breaks: ['supertrait-added'] },
  'traits::supertrait_added_sealed': {},
  'traits::supertrait_implied': {},
  'traits::supertrait_removed': { breaks: ['supertrait-removed'] },
  'traits::default_removed': { breaks: ['default-removed'] },
  'traits::const_default_removed': { breaks: ['default-removed'] },
  'traits::method_with_default_added': {},
  'traits::trait_unsafe_added': { breaks: ['trait-unsafe-changed'] },
  'traits::trait_unsafe_removed': { breaks: ['trait-unsafe-changed'] },
  'traits::trait_method_unsafe_removed': { breaks: ['trait-method-unsafe-removed'] },
  'traits::trait_impl_removed': { breaks: ['trait-impl-removed'] },
  'traits::derived_impl_removed': { breaks: ['trait-impl-removed'] },
  'traits::impl_became_derived': {},
  'traits::trait_impl_added': {},
  'traits::foreign_impl_removed': { breaks: ['trait-impl-removed'] },
  'traits::auto_trait_lost': { breaks: ['auto-trait-lost'] },
  'traits::auto_trait_kept': {},
  'traits::no_longer_sized': { breaks: ['no-longer-sized', 'type-changed'] },
  'traits::dyn_compatibility_lost': { breaks: ['no-longer-dyn-compatible'] },
  'traits::dyn_compatibility_kept': {},
  'traits::trait_sealed': { breaks: ['supertrait-added', 'trait-sealed'] },
  'traits::copy_added': { breaks: ['copy-impl-added'] },
  'traits::moved_to_trait': { breaks: ['method-moved-to-trait'] },
  'traits::moved_to_prelude_trait': {},
  'traits::trait_method_return_changed': { breaks: ['return-type-changed'] },
  'traits::trait_method_bound_loosened': { breaks: ['bounds-loosened'] },
  // A required item only hidden API can name seals the trait, as the reference tool sees it.
  'traits::hidden_required_item_added': { breaks: ['required-trait-item-added', 'trait-sealed'] },
  'traits::trait_method_target_feature_removed': {
    breaks: ['target-feature-removed'],
    convention: "the trait's safety contract: implementations may rely on the feature"
  },
  'visibility::now_hidden': {
    breaks: ['now-hidden'],
    convention: '#[doc(hidden)] items are not public API (as the reference tool treats them)'
  },
  'visibility::hidden_variant_visible': {},
  'visibility::hidden_assoc_type_visible': {},
  'visibility::deprecated_hidden': {},
  'visibility::reexport_underscore_removed': {},
  'warnings::partial_ord_fields_reordered': { warns: ['partial-ord-order-changed'] },
  'warnings::partial_ord_variants_reordered': { warns: ['partial-ord-order-changed'] },
  'warnings::repr_c_fields_reordered': { warns: ['repr-c-order-changed'] },
  'warnings::must_use_added': { warns: ['must-use-added'] },
  'derive::helper_removed': { breaks: ['derive-helper-removed'] }
}

/** The case a change is about: the module under `rules::family::case`, or the derive crate's one. */
function caseOf(crate: string, change: ApiChange): string {
  if (crate === 'rules_derive') return 'derive::helper_removed'
  const [, family, name] = change.path.split('::')
  return `${family}::${name}`
}

const cases = clientCases()
const target = mkdtempSync(path.join(tmpdir(), 'gate-api-oracle-target-'))
let repo: string
let base: string
let section: PublicApiSection
let onBase: Compiled
let onHead: Compiled
const byCase = new Map<string, ApiChange[]>()

beforeAll(async () => {
  repo = rulesRepo()
  base = baseCopy()
  section = await checkPublicApi({
    policy: 'deny',
    base: '',
    crates: [],
    workspaceRoot: repo,
    targetDir: path.join(target, 'docs'),
    toolchain: null,
    checkArgs: ['--workspace'],
    members: members(repo),
    env: {}
  })
  for (const crate of section.crates)
    for (const change of crate.changes) {
      const id = caseOf(crate.name, change)
      byCase.set(id, [...(byCase.get(id) ?? []), change])
    }
  // The cases that must fail against the head are compiled alone, the others together.
  const alone = (id: string) => !!CASES[id]?.breaks
  onBase = compileClients(cases, alone, base, path.join(target, 'clients'))
  onHead = compileClients(cases, alone, repo, path.join(target, 'clients'))
}, 600_000)

afterAll(() => {
  for (const dir of [target, repo, base]) if (dir) rmSync(dir, { recursive: true, force: true })
})

const rulesOf = (id: string, cls: ApiChange['class']) =>
  [...new Set((byCase.get(id) ?? []).filter(c => c.class === cls).map(c => c.rule))].sort()

describe('the API rules, with rustc as the oracle', () => {
  it('has a client for every case, and every client compiles against the base', () => {
    expect(section.status).toBe('checked')
    expect(section.crates.map(c => [c.name, c.status])).toEqual([
      ['rules', 'compared'],
      ['rules_derive', 'compared']
    ])
    expect(cases.map(c => c.id).sort()).toEqual(Object.keys(CASES).sort())
    expect(onBase.rejected).toEqual(new Map())
    expect(cases.filter(c => !onBase.checked.has(c.id))).toEqual([])
  })

  it('rustc rejects against the head exactly the cases the gate calls breaking, conventions aside', () => {
    const gate = Object.keys(CASES).filter(id => rulesOf(id, 'breaking').length > 0)
    const conventions = Object.keys(CASES).filter(id => CASES[id].convention)
    const rustc = cases.filter(c => onHead.rejected.has(c.id)).map(c => c.id)
    expect(rustc.sort()).toEqual(gate.filter(id => !conventions.includes(id)).sort())
    // A convention is a break rustc cannot see: its client still compiles.
    for (const id of conventions) expect(rustc).not.toContain(id)
  })

  it.each(Object.entries(CASES))('%s: the rules the gate reports', id => {
    const want = CASES[id]
    expect({ breaks: rulesOf(id, 'breaking'), warns: rulesOf(id, 'warning') }).toEqual({
      breaks: [...(want.breaks ?? [])].sort(),
      warns: [...(want.warns ?? [])].sort()
    })
  })

  it('each breaking change names the item, the rule, both locations and the code it breaks', () => {
    const breaking = section.crates.flatMap(c => c.changes.filter(x => x.class === 'breaking'))
    expect(breaking.length).toBeGreaterThan(60)
    const at = { file: expect.stringMatching(/\.rs$/), line: expect.any(Number) }
    for (const change of breaking) {
      expect(change.path).toMatch(/^rules(_derive)?::/)
      expect(CHANGE_RULES).toContain(change.rule)
      expect(change.breaks).toMatch(/\S/)
      // A new member has no base location; a removed one is placed in its owner on the head.
      if (change.base === null) expect(change.head).toEqual(at)
      else expect(change.base).toEqual(at)
      if (change.side === 'head' || change.kind === 'field') expect(change.head).toEqual(at)
    }
    // Where the item still exists, the head location is its line on the head.
    const set = breaking.find(x => x.path === 'rules::signatures::param_type_changed::set')!
    const head = readFileSync(path.join(repo, set.head!.file!), 'utf8').split('\n')
    const baseLines = readFileSync(path.join(base, set.base!.file!), 'utf8').split('\n')
    expect(head[set.head!.line! - 1]).toContain('pub fn set(x: u64)')
    expect(baseLines[set.base!.line! - 1]).toContain('pub fn set(x: u32)')
  })

  it('warn-level changes warn under deny and never block; the looks-alike produce no finding that blocks', () => {
    const findings = apiFindings(section)
    const warned = findings.filter(f => f.code === 'api-warning')
    expect(warned.map(f => f.severity)).toEqual(warned.map(() => 'warn'))
    expect(warned.length).toBe(4)
    const blocking = findings.filter(f => f.severity === 'block').map(f => f.message)
    for (const [id, want] of Object.entries(CASES))
      if (!want.breaks) expect(blocking.filter(m => m.includes(`\`rules::${id}::`))).toEqual([])
  })

  it('covers every rule that can break or warn', () => {
    // Exercised here or by the shapes fixture (public-api.test.ts): removals, parameters, unsafe…
    const elsewhere = [
      'removed',
      'params-changed',
      'became-unsafe',
      'variant-added',
      'variant-removed',
      'non-exhaustive-added',
      // The manifests' features, compared apart from the code.
      'feature-removed'
    ]
    const exercised = new Set([
      ...Object.values(CASES).flatMap(c => [...(c.breaks ?? []), ...(c.warns ?? [])]),
      ...elsewhere
    ])
    expect(CHANGE_RULES.filter(r => r !== 'added' && r !== 'changed' && !exercised.has(r))).toEqual([])
  })
})
