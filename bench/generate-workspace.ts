// Writes an offline Rust workspace of N crates with a layered dependency shape (a few foundation
// crates, a wide middle, thin top crates), path dependencies only, so it builds without a registry.
// Usage: npx tsx bench/generate-workspace.ts --out DIR [--crates 12] [--size 40] [--seed 1]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { parseArgs } from 'node:util'

export interface WorkspaceSpec {
  dir: string
  /** Number of member crates. */
  crates: number
  /** Items (struct + enum + trait impl + generic fn) per crate: the code size knob. */
  size: number
  seed?: number
  /**
   * Path crates outside the workspace (`deps/`, excluded from membership) that every member depends on
   * one or more of: dependencies that a cold cache compiles and a warm one has fresh.
   */
  deps?: number
  /** Each member declares a feature (`extra`) that adds code, as most real crates do. */
  features?: boolean
}

export function crateName(i: number): string {
  return `gen-crate-${String(i).padStart(2, '0')}`
}

/** Each crate depends on 1–3 earlier crates, biased towards the foundation layer. */
export function dependencyShape(crates: number, seed = 1): number[][] {
  let s = seed
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  return Array.from({ length: crates }, (_, i) => {
    if (i === 0) return []
    const want = Math.min(i, 1 + Math.floor(rand() * 3))
    const deps = new Set<number>()
    while (deps.size < want) deps.add(Math.floor(rand() ** 2 * i))
    return [...deps].sort((a, b) => a - b)
  })
}

export function generateWorkspace(spec: WorkspaceSpec): string[] {
  rmSync(path.join(spec.dir, 'crates'), { recursive: true, force: true })
  const shape = dependencyShape(spec.crates, spec.seed)
  const names = shape.map((_, i) => crateName(i))
  const external = Array.from({ length: spec.deps ?? 0 }, (_, i) => `gen-dep-${String(i).padStart(2, '0')}`)
  rmSync(path.join(spec.dir, 'deps'), { recursive: true, force: true })
  writeFileSync(
    path.join(mkdir(spec.dir), 'Cargo.toml'),
    `[workspace]\nresolver = "2"\nmembers = [${names.map(n => `"crates/${n}"`).join(', ')}]\nexclude = ["deps"]\n\n[workspace.package]\nedition = "2021"\nversion = "0.1.0"\n`
  )
  for (const [i, name] of external.entries()) {
    const dir = mkdir(path.join(spec.dir, 'deps', name))
    writeFileSync(
      path.join(dir, 'Cargo.toml'),
      `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n\n[lib]\ntest = false\ndoctest = false\n`
    )
    writeFileSync(path.join(mkdir(path.join(dir, 'src')), 'lib.rs'), crateSource(1000 + i, [], spec.size))
  }
  shape.forEach((deps, i) => {
    const dir = mkdir(path.join(spec.dir, 'crates', names[i]))
    // One dependency each, and every dependency used when there are more of them than members.
    const ext = external.filter((_, k) => k === i % external.length || k % spec.crates === i)
    const depLines = [
      ...deps.map(d => `${names[d]} = { path = "../${names[d]}" }`),
      ...ext.map(e => `${e} = { path = "../../deps/${e}" }`)
    ].join('\n')
    writeFileSync(
      path.join(dir, 'Cargo.toml'),
      `[package]\nname = "${names[i]}"\nversion.workspace = true\nedition.workspace = true\n\n[dependencies]\n${depLines}\n${spec.features ? '\n[features]\nextra = []\n' : ''}`
    )
    writeFileSync(
      path.join(mkdir(path.join(dir, 'src')), 'lib.rs'),
      crateSource(i, [...deps.map(d => names[d]), ...ext], spec.size) +
        (spec.features
          ? '\n#[cfg(feature = "extra")]\npub fn extra_total(n: u64) -> u64 {\n    total(n).wrapping_add(run0(n))\n}\n'
          : '')
    )
  })
  writeFileSync(path.join(spec.dir, '.gitignore'), 'target/\n')
  return names
}

/**
 * Gives `crate` a build script that burns `ms` milliseconds of its own CPU time (read from
 * /proc/self/stat, so a busy machine does not shrink it as a wall-clock spin would): a calibrated,
 * purely-CPU slowdown (0 removes it). Build scripts run in `cargo check` too, once per clean.
 */
export function setBuildScriptSpin(dir: string, crate: string, ms: number): void {
  const file = path.join(dir, 'crates', crate, 'build.rs')
  if (ms <= 0) return void rmSync(file, { force: true })
  writeFileSync(
    file,
    `fn cpu_ms() -> u64 {
    let stat = std::fs::read_to_string("/proc/self/stat").expect("Linux /proc");
    let f: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..].split(' ').collect();
    (f[11].parse::<u64>().unwrap() + f[12].parse::<u64>().unwrap()) * 10
}

fn main() {
    let end = cpu_ms() + ${Math.round(ms)};
    let mut x: u64 = 1;
    while cpu_ms() < end {
        for _ in 0..100_000 { x = x.wrapping_mul(6364136223846793005).wrapping_add(1); }
    }
    std::hint::black_box(x);
}
`
  )
}

function crateSource(index: number, deps: string[], size: number): string {
  const out: string[] = [
    '#![allow(dead_code)]',
    'use std::collections::{BTreeMap, HashMap};',
    'use std::fmt::Debug;',
    '',
    'pub trait Weigh { fn weight(&self) -> u64; fn label(&self) -> String { format!("w{}", self.weight()) } }',
    ''
  ]
  for (let k = 0; k < size; k++) {
    out.push(
      `#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]`,
      `pub struct Item${k} { pub id: u64, pub tags: Vec<String>, pub parts: BTreeMap<String, u32>, pub next: Option<Box<Item${k}>> }`,
      `#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]`,
      `pub enum Kind${k} { Empty, One(u32), Pair(u64, String), Named { x: i64, y: Vec<u8>, z: Option<String> } }`,
      `impl Weigh for Item${k} {`,
      `    fn weight(&self) -> u64 {`,
      `        let mut acc = self.id.wrapping_mul(${k + 3});`,
      `        for (i, t) in self.tags.iter().enumerate() { acc = acc.rotate_left(5) ^ (t.len() as u64 + i as u64); }`,
      `        for (k, v) in &self.parts { acc = acc.wrapping_add(k.len() as u64 * *v as u64); }`,
      `        acc + self.next.as_ref().map(|n| n.weight()).unwrap_or(0)`,
      `    }`,
      `}`,
      `impl Kind${k} {`,
      `    pub fn score(&self) -> i64 { match self { Kind${k}::Empty => 0, Kind${k}::One(v) => *v as i64, Kind${k}::Pair(a, s) => *a as i64 - s.len() as i64, Kind${k}::Named { x, y, z } => x + y.iter().map(|b| *b as i64).sum::<i64>() + z.as_ref().map_or(0, |s| s.len() as i64) } }`,
      `}`,
      `pub fn collect${k}<T: Clone + Debug + Weigh, U: Into<u64> + Copy>(xs: &[T], scale: U) -> HashMap<String, (u64, Vec<String>)> {`,
      `    let mut m = HashMap::new();`,
      `    for x in xs.iter().cloned() { let e = m.entry(x.label()).or_insert((0u64, Vec::new())); e.0 += x.weight() * scale.into(); e.1.push(format!("{:?}", x)); }`,
      `    m`,
      `}`,
      `pub fn run${k}(n: u64) -> u64 {`,
      `    let items: Vec<Item${k}> = (0..n).map(|i| Item${k} { id: i, tags: vec![format!("t{}", i)], parts: BTreeMap::new(), next: None }).collect();`,
      `    collect${k}(&items, 2u32).values().map(|(w, v)| w + v.len() as u64).sum::<u64>() + Kind${k}::One(n as u32).score() as u64`,
      `}`,
      ''
    )
  }
  out.push(`pub fn total(n: u64) -> u64 {`, `    let mut t = 0u64;`)
  for (let k = 0; k < size; k++) out.push(`    t = t.wrapping_add(run${k}(n));`)
  for (const d of deps) out.push(`    t = t.wrapping_add(${d.replace(/-/g, '_')}::total(n / 2));`)
  out.push(`    t`, `}`, '', '#[cfg(test)]', 'mod tests {', '    use super::*;')
  for (let k = 0; k < Math.min(size, 8); k++)
    out.push(`    #[test]`, `    fn run${k}_counts() { assert!(run${k}(3) > 0 || ${index} == usize::MAX); }`)
  out.push('}', '')
  return out.join('\n')
}

function mkdir(dir: string): string {
  mkdirSync(dir, { recursive: true })
  return dir
}

if (process.argv[1] && /generate-workspace\.(ts|js|mjs)$/.test(process.argv[1])) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      crates: { type: 'string', default: '12' },
      size: { type: 'string', default: '40' },
      seed: { type: 'string', default: '1' }
    }
  })
  if (!values.out) {
    process.stderr.write(
      'Usage: npx tsx bench/generate-workspace.ts --out DIR [--crates 12] [--size 40] [--seed 1]\n'
    )
    process.exit(2)
  }
  const names = generateWorkspace({
    dir: values.out,
    crates: Number(values.crates),
    size: Number(values.size),
    seed: Number(values.seed)
  })
  process.stdout.write(`wrote ${names.length} crates to ${values.out}\n`)
}
