#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { constants } from 'node:os';
import { T as TIMINGS_FILE_ENV, b as childrenCpuSeconds } from './chunks/crate-times.js';
import 'node:readline';

// Reading a rustc command line: what kind of unit it builds, and the jobserver cargo shares with it.
function unitKind(args) {
    const value = (flag) => {
        const i = args.indexOf(flag);
        if (i !== -1)
            return args[i + 1] ?? null;
        const eq = args.find(a => a.startsWith(`${flag}=`));
        return eq ? eq.slice(flag.length + 1) : null;
    };
    const emit = value('--emit') ?? '';
    const mode = emit.includes('metadata') && !emit.includes('link') ? 'check' : 'build';
    const name = value('--crate-name') ?? '';
    const what = name.startsWith('build_script_')
        ? 'build-script'
        : args.includes('--test')
            ? 'test'
            : (value('--crate-type') ?? 'bin');
    return `${mode}:${what}`;
}
/** The fds of a pipe-style make jobserver, which rustc must inherit to share cargo's job tokens. */
function jobserverFds(env) {
    const flags = `${env.CARGO_MAKEFLAGS ?? ''} ${env.MAKEFLAGS ?? ''}`;
    const m = /--jobserver-(?:auth|fds)=(\d+),(\d+)/.exec(flags);
    return m ? [Number(m[1]), Number(m[2])] : [];
}

// RUSTC_WORKSPACE_WRAPPER: cargo runs `<this> <rustc> <args…>` for workspace members only.
// Runs rustc unchanged (argv, no shell), times it and appends one JSON line to $BUILD_GATE_TIMINGS_FILE.
// Probes (`-vV`, `--print …` with crate name `___`) pass straight through and are not recorded.
function main() {
    const [rustc, ...args] = process.argv.slice(2);
    if (!rustc) {
        process.stderr.write('build-gate rustc wrapper: no rustc given; cargo sets it as the first argument.\n');
        process.exit(2);
    }
    const i = args.indexOf('--crate-name');
    const crateName = i === -1 ? null : args[i + 1];
    const file = process.env[TIMINGS_FILE_ENV];
    const record = !!file && !!crateName && crateName !== '___';
    const fds = jobserverFds(process.env);
    // No holes: node skips them, which would shift the fds to the wrong numbers.
    const stdio = ['inherit', 'inherit', 'inherit'];
    for (const fd of fds) {
        while (stdio.length < fd)
            stdio.push('ignore');
        stdio[fd] = fd;
    }
    const startWall = process.hrtime.bigint();
    const startCpu = childrenCpuSeconds();
    const r = spawnSync(rustc, args, { stdio: stdio, shell: false });
    const wall = Number(process.hrtime.bigint() - startWall) / 1e9;
    const endCpu = childrenCpuSeconds();
    if (r.error) {
        process.stderr.write(`build-gate rustc wrapper: could not run ${rustc}: ${r.error.message}\n`);
        process.exit(127);
    }
    if (record) {
        const line = {
            crate: process.env.CARGO_PKG_NAME || crateName,
            kind: unitKind(args),
            seconds: Math.round(wall * 1000) / 1000,
            cpuSeconds: startCpu === null || endCpu === null ? null : Math.round((endCpu - startCpu) * 1000) / 1000
        };
        appendFileSync(file, `${JSON.stringify(line)}\n`);
    }
    if (r.signal) {
        // Die of the same signal so cargo reports it as rustc would have.
        process.kill(process.pid, r.signal);
        process.exit(128 + (constants.signals[r.signal] ?? 1));
    }
    process.exit(r.status ?? 1);
}
main();
