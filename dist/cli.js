#!/usr/bin/env node
import * as path from 'node:path';
import { p as parseConfig, a as produceReport, c as createClient, t as trackerRecord, r as readRunContext, s as syncWorkstreams, o as observationFields, C as ConfigError, f as failureReport, b as reportPathFor, w as writeReport, d as terminalReport, e as textSections, I as INPUTS } from './chunks/sections.js';
import 'node:fs';
import 'node:crypto';
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
import 'node:fs/promises';
import 'path';
import 'url';
import 'module';
import 'node:os';

// The CLI over the same run: `build-gate --working-directory DIR [--no-tests] [--deny-warnings false] …`
// Every action input is a flag of the same name. Exit 0 when stable, 1 otherwise (including bad input).
class UsageError extends Error {
}
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
            throw new UsageError(`unknown option '${arg}'; run build-gate --help for the list.`);
        const value = m[2] ?? argv[++i];
        if (value === undefined)
            throw new UsageError(`option '--${m[1]}' needs a value.`);
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
    const progress = new Progress(err);
    try {
        const flags = parseFlags(argv);
        if (!flags.has('github-token') && process.env.GITHUB_TOKEN)
            flags.set('github-token', process.env.GITHUB_TOKEN);
        config = parseConfig(name => flags.get(name) ?? '', 'cli');
        report = (await produceReport(config, { progress: e => progress.update(e) })).report;
        const client = config.token ? createClient(config.token) : null;
        // The stabilization status from the run history: a local run reads it, never writes it.
        if (config.tracker.enabled && !config.shard)
            report.tracker = await trackerRecord({
                report,
                config,
                ctx: readRunContext(),
                client,
                log: () => undefined
            });
        // On a laptop the roadmap is only shown (a local run is never trusted to write it).
        if (config.workstreams && !config.shard)
            report.workstreams = await syncWorkstreams({
                report,
                config,
                ctx: readRunContext(),
                client,
                log: () => undefined,
                tracker: observationFields(report.tracker)
            });
    }
    catch (e) {
        progress.stop();
        const message = e instanceof Error ? e.message : String(e);
        if (e instanceof UsageError || e instanceof ConfigError) {
            err.write(`build-gate: ${message}\n`);
            return 1;
        }
        report = failureReport(config?.workingDirectory ?? process.cwd(), message);
    }
    progress.stop();
    const reportPath = reportPathFor(config);
    writeReport(report, reportPath);
    out.write(`${terminalReport(report, textSections())}\n\nReport: ${path.relative(process.cwd(), reportPath) || reportPath}\n`);
    return report.verdict.stable ? 0 : 1;
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
