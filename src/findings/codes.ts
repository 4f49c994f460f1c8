// The closed list of finding codes. Scripts match on them (the verdict's reasons carry them, the
// `reasons` output and the JSON report list them): add freely, never rename or remove one.
export const FINDING_CODES = {
  'compile-errors': 'rustc reported errors in workspace crates or a dependency did not compile',
  warnings: 'rustc reported warnings in workspace crates (dependency warnings never count)',
  'tests-failed': 'tests failed, or a test binary crashed',
  'tests-skipped': 'cargo test was not run (run-tests: false)',
  'phase-failed': 'a cargo phase did not run, was killed, or its output cannot be trusted',
  'phase-missing': 'a phase the verdict needs did not run',
  'phase-untrusted':
    'a phase exited 0 without building every selected member, or test output contradicts libtest or cargo',
  'process-left-running':
    'a process a phase started (e.g. a server a test did not stop) outlived cargo and held its output open',
  'tests-not-run': 'cargo test did not run because the build before it failed (says why)',
  'tests-none': 'cargo test ran, and the selected members had no test to run',
  'duplicate-versions': 'a crate resolves to several versions (duplicate-versions policy)',
  'single-version': 'a crate of single-version-crates resolves to several versions',
  'stale-allow': 'an allow-duplicates entry matches no duplicate',
  msrv: 'a package needs a newer Rust than the toolchain or the workspace MSRV (msrv-check policy)',
  'cargo-refused': 'cargo refused to build a package (its rust-version or edition is too new)',
  'build-time-regression': 'build time is over the baseline limit (fail-on-regression policy)',
  'build-time-slower': 'build time is over the tolerance, with too little history to call it a regression',
  'build-time-not-comparable': 'build time could not be compared with the baseline',
  'baseline-error': 'the build-time baseline exists but cannot be read',
  'crate-timings-unread':
    "per-crate times are missing: cargo's --timings report was not written or not understood",
  'shard-empty': 'this shard has no crates to gate',
  'shard-unreadable': 'a shard report could not be read',
  'shard-mismatch': 'shard reports disagree on the number of shards',
  'shard-duplicate': 'a shard reported twice',
  'shard-missing': 'a shard did not report',
  'fix-available': 'a fix for a dependency conflict, verified (info) or not (warn) in a scratch copy',
  'fix-blocked': 'no fix for a dependency conflict within the current requirements; names the blocker',
  'fix-search-failed': 'the search for dependency fixes could not run to the end',
  'api-breaking':
    'a breaking change to the public API of a library crate (public-api policy; allowed by a version bump)',
  'api-warning':
    'a change to the public API the reference tool warns about (an order under PartialOrd or repr(C), #[must_use] added); never blocks',
  'api-changed': 'a change to the public API that is not surely breaking (informational)',
  'api-unknown':
    'the public API could not be compared with the base (no base revision, rustdoc failed or its format is unsupported)',
  'api-crates-unmatched': 'a public-api-crates entry matches no library crate',
  'input-error': 'an input is invalid; the build was not judged',
  'gate-error': 'the gate could not run; the build was not judged'
} as const satisfies Record<string, string>

export type FindingCode = keyof typeof FINDING_CODES

export function isFindingCode(code: string): code is FindingCode {
  return Object.hasOwn(FINDING_CODES, code)
}
