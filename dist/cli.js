#!/usr/bin/env node
import * as path from 'node:path';
import { f as filesOf, a as fixFindings, r as runFixes, p as parseConfig, b as produceReport, i as isGateError, c as failureReport, e as errorMessage, d as reportPathFor, w as writeReport, s as syncStage, g as createClient, h as readRunContext, t as terminalReport, j as textSections, I as INPUTS, G as GateError } from './chunks/sections.js';
import { writeFileSync, readFileSync } from 'node:fs';
import './chunks/crate-times.js';
import 'node:child_process';
import 'node:readline';
import 'fs';
import 'os';
import 'http';
import 'https';
import 'net';
import 'tls';
import 'events';
import 'assert';
import 'util';
import 'node:assert';
import 'node:net';
import 'node:http';
import 'node:stream';
import 'node:buffer';
import 'node:util';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import 'node:tls';
import 'node:zlib';
import 'node:perf_hooks';
import 'node:util/types';
import 'node:worker_threads';
import 'node:url';
import 'node:async_hooks';
import 'node:console';
import 'node:dns';
import 'string_decoder';
import 'node:crypto';
import 'node:os';
import 'node:fs/promises';
import 'path';
import 'url';
import 'module';

/** null when the run cannot support a fix search: cargo metadata failed, or no conflicts were analysed. */
function fixInputsFrom(config, run) {
    const { report, metadata } = run;
    if (!metadata || !report.conflicts)
        return null;
    return {
        root: report.workspace.root,
        host: report.workspace.toolchain?.host ?? null,
        config,
        conflicts: report.conflicts,
        conflictOptions: {
            ...config,
            toolchain: report.workspace.toolchain?.release ?? null,
            msrv: report.workspace.msrv
        },
        metadata
    };
}

// `build-gate --apply`: write the verified fixes into the working tree (Cargo.lock and the member
// manifests), only where the file is still what the gate read, and say what changed.
function applyFixes(root, result) {
    const written = [];
    const skipped = [];
    for (const file of result.files) {
        const at = path.join(root, file.path);
        const current = readOrNull(at);
        if (current !== file.before) {
            skipped.push({ path: file.path, why: 'it changed since the gate read it; rerun build-gate --apply' });
            continue;
        }
        writeFileSync(at, file.after);
        written.push(file.path);
    }
    return { written, skipped, lines: describe(result, written, skipped) };
}
/** Search the fixes of a judged run, then apply the verified ones. */
async function applyAfterGate(config, run, ports = {}) {
    const inputs = fixInputsFrom(config, run);
    if (!inputs)
        return {
            written: [],
            skipped: [],
            lines: ['--apply: no dependency analysis in this run, nothing to fix.'],
            result: null
        };
    // The gate's own fix search, when it ran in this process; otherwise search now.
    const files = filesOf(run.report.fixes);
    const result = run.report.fixes && files
        ? { section: run.report.fixes, findings: fixFindings(run.report.fixes), files }
        : await runFixes(inputs, ports);
    return { ...applyFixes(inputs.root, result), result };
}
function readOrNull(file) {
    try {
        return readFileSync(file, 'utf8');
    }
    catch {
        return null;
    }
}
function describe(result, written, skipped) {
    const verified = result.section.fixes.filter(f => f.verified);
    const lines = [];
    if (verified.length === 0)
        lines.push('--apply: no verified fix to apply.');
    if (written.length > 0) {
        lines.push(`--apply: wrote ${written.join(', ')}`);
        for (const f of verified) {
            if (f.diff)
                lines.push(`  ${f.manifest}:${f.diff.line}`, `  - ${f.diff.before.trim()}`, `  + ${f.diff.after.trim()}`);
            for (const c of f.lockChanges)
                lines.push(`  Cargo.lock: ${c.name} ${c.from ?? '(new)'} → ${c.to ?? '(removed)'}`);
        }
    }
    for (const s of skipped)
        lines.push(`--apply: left ${s.path} alone: ${s.why}`);
    const unverified = result.section.fixes.filter(f => !f.verified);
    for (const f of unverified)
        lines.push(`--apply: not applied (not verified): ${f.crate} ${f.from} → ${f.to}: ${f.reason}`);
    return lines;
}

// The CLI over the same run: `build-gate --working-directory DIR [--no-tests] [--deny-warnings false] …`
// Every action input is a flag of the same name. Exit 0 when stable, 1 otherwise (including bad input).
function parseFlags(argv) {
    const known = new Set(INPUTS.map(i => i.name));
    const values = new Map();
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--no-tests') {
            values.set('run-tests', 'false');
            continue;
        }
        const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
        if (!m || !known.has(m[1]))
            throw new GateError('input', `unknown option '${arg}'; run build-gate --help for the list.`);
        const value = m[2] ?? argv[++i];
        if (value === undefined)
            throw new GateError('input', `option '--${m[1]}' needs a value.`, m[1]);
        values.set(m[1], value);
    }
    return values;
}
function usage() {
    const lines = INPUTS.filter(i => i.name !== 'github-token').map(i => {
        const def = i.cli ?? i.default;
        return `  --${i.name} VALUE`.padEnd(40) + `${i.description}${def ? ` [default: ${def}]` : ''}`;
    });
    return [
        'Usage: build-gate [--working-directory DIR] [--no-tests] [options]',
        '',
        'Runs cargo check and cargo test on a Rust workspace and says whether its build is stable.',
        'Exit status: 0 stable, 1 unstable or could not be judged.',
        '',
        '  --no-tests'.padEnd(40) + 'Same as --run-tests false.',
        '  --apply'.padEnd(40) + 'Write the verified dependency fixes into Cargo.lock and the manifests.',
        ...lines,
        '',
        'GITHUB_TOKEN in the environment is used for GitHub features (roadmap sync, baseline branch).'
    ].join('\n');
}
async function main(argv, out = process.stdout, err = process.stderr) {
    if (argv.includes('--help') || argv.includes('-h')) {
        out.write(`${usage()}\n`);
        return 0;
    }
    let config = null;
    let report;
    let judged = false;
    const apply = argv.includes('--apply');
    argv = argv.filter(a => a !== '--apply');
    let applied = [];
    const progress = new Progress(err);
    try {
        const flags = parseFlags(argv);
        if (!flags.has('github-token') && process.env.GITHUB_TOKEN)
            flags.set('github-token', process.env.GITHUB_TOKEN);
        config = parseConfig(name => flags.get(name) ?? '', 'cli');
        const run = await produceReport(config, { progress: e => progress.update(e) });
        report = run.report;
        judged = true;
        if (apply)
            applied = (await applyAfterGate(config, run)).lines;
    }
    catch (e) {
        progress.stop();
        if (isGateError(e, 'input')) {
            err.write(`build-gate: ${e.message}\n`);
            return 1;
        }
        report = failureReport(config?.workingDirectory ?? process.cwd(), errorMessage(e));
    }
    progress.stop();
    const reportPath = reportPathFor(config);
    writeReport(report, reportPath);
    // On a laptop the roadmap is only shown (a local run is never trusted to write it), after the verdict.
    const problems = [];
    if (judged && config) {
        const synced = await syncStage(report, config, {
            ctx: readRunContext(),
            github: config.token ? createClient(config.token) : null,
            log: () => undefined
        });
        report = synced.report;
        problems.push(...synced.problems);
        if (synced.wrote.length)
            writeReport(report, reportPath);
    }
    out.write(`${terminalReport(report, textSections())}\n\nReport: ${path.relative(process.cwd(), reportPath) || reportPath}\n`);
    if (applied.length)
        out.write(`${applied.join('\n')}\n`);
    for (const p of problems)
        err.write(`build-gate: ${p}\n`);
    return report.verdict.stable && problems.length === 0 ? 0 : 1;
}
/** One line per phase; a spinner when stderr is a terminal. */
class Progress {
    stream;
    timer = null;
    started = 0;
    constructor(stream) {
        this.stream = stream;
    }
    update(e) {
        const label = e.phase === 'toolchain' ? 'rustc -vV' : `cargo ${e.phase}`;
        if (e.state === 'start') {
            this.started = Date.now();
            if (this.stream.isTTY) {
                let frame = 0;
                const frames = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏';
                this.timer = setInterval(() => {
                    const secs = ((Date.now() - this.started) / 1000).toFixed(0);
                    this.stream.write(`\r${frames[frame++ % frames.length]} ${label} (${secs}s)`);
                }, 100);
            }
            else
                this.stream.write(`… ${label}\n`);
        }
        else {
            this.stop();
            const secs = ((Date.now() - this.started) / 1000).toFixed(1);
            this.stream.write(`${this.stream.isTTY ? '\r\x1b[K' : ''}✓ ${label} (${secs}s)\n`);
        }
    }
    stop() {
        if (this.timer)
            clearInterval(this.timer);
        this.timer = null;
    }
}

process.exitCode = await main(process.argv.slice(2));
