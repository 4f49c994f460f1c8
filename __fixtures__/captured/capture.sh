#!/usr/bin/env bash
# Regenerates the captured cargo output next to this script from the fixture workspaces.
# Usage: __fixtures__/captured/capture.sh   (from anywhere; needs cargo on PATH, no network)
#
# Paths inside the output are absolute to this checkout and to the build directory below. That build
# directory is fixed rather than random so that a re-run only changes what cargo itself changed
# (timings, hashes after a toolchain update).
set -euo pipefail

here="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
fixtures="$(cd -- "$here/../workspaces" && pwd)"
scratch="${TMPDIR:-/tmp}/build-gate-capture"
exit_codes="$here/exit-codes.txt"

# What a default runner shows: no colour codes, no backtraces under panics. Parsers should still cope
# with both, since users set CARGO_TERM_COLOR=always and RUST_BACKTRACE=1 in CI.
export CARGO_TERM_COLOR=never
unset RUST_BACKTRACE RUST_LIB_BACKTRACE

rm -rf -- "$scratch"
mkdir -p -- "$scratch"
trap 'rm -rf -- "$scratch"' EXIT

# Runs cargo with the given args in dir; stdout/stderr to the given files; records the exit code.
# Never fails the script: a failing cargo is exactly what some captures are for.
run() {
  local label="$1" dir="$2" out="$3" err="$4"
  shift 4
  local code=0
  (cd -- "$dir" && cargo "$@") >"$out" 2>"$err" || code=$?
  printf '%s\t%s\tcargo %s\n' "$label" "$code" "$*" >>"$exit_codes"
}

printf '# label\texit code\tcommand (run in the fixture directory)\n' >"$exit_codes"
printf '# %s\n' "$(cargo --version)" >>"$exit_codes"

for name in warnings compile-error tests-mixed dep-warnings; do
  dir="$fixtures/$name"
  export CARGO_TARGET_DIR="$scratch/target-$name"
  run "$name.check" "$dir" "$here/$name.check.jsonl" "$here/$name.check.stderr.txt" \
    check --workspace --all-features --message-format=json
  # A fresh target dir so compiler diagnostics come from real compilation, not from check's cache.
  # libtest's JSON events, as the gate asks for them (RUSTC_BOOTSTRAP=1 for the test run only).
  export CARGO_TARGET_DIR="$scratch/target-$name-test" RUSTC_BOOTSTRAP=1
  run "$name.test" "$dir" "$here/$name.test.stdout.txt" "$here/$name.test.stderr.txt" \
    test --workspace --no-fail-fast --message-format=json -- -Z unstable-options --format json --report-time
  unset RUSTC_BOOTSTRAP
  run "$name.metadata" "$dir" "$here/$name.metadata.json" /dev/null \
    metadata --format-version 1
done
unset CARGO_TARGET_DIR

# Failures before any build: cargo's stderr is all the gate gets.
run no-manifest.metadata "$fixtures/no-manifest" /dev/null "$here/no-manifest.metadata.stderr.txt" \
  metadata --format-version 1
run bad-manifest.metadata "$fixtures/bad-manifest" /dev/null "$here/bad-manifest.metadata.stderr.txt" \
  metadata --format-version 1

# A member that does not exist on disk; built here so no broken workspace is committed besides bad-manifest.
missing="$scratch/missing-member"
mkdir -p -- "$missing/crates/fx-present/src"
printf '[workspace]\nmembers = ["crates/fx-present", "crates/fx-absent"]\nresolver = "2"\n' >"$missing/Cargo.toml"
printf '[package]\nname = "fx-present"\nversion = "0.1.0"\nedition = "2021"\n' >"$missing/crates/fx-present/Cargo.toml"
: >"$missing/crates/fx-present/src/lib.rs"
run missing-member.metadata "$missing" /dev/null "$here/missing-member.metadata.stderr.txt" \
  metadata --format-version 1

echo "captured into $here"
