import { existsSync, statSync, readFileSync, mkdirSync, writeFileSync, renameSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { w as workspaceMembers, u as localDocument, j as TOOL, D as DiagnosticTally, v as CARGO_OUTPUT_ENV, x as runPhase, y as buildGraph, z as readManifests, A as memberManifestPaths, B as workspaceInfo, E as declaredMsrv, F as rustcVersionCommand, G as metadataCommand, H as parseMetadata, J as cargoWords, C as CAPABILITIES, b as runProcess, K as startReport, L as judge, n as readRunContext, M as documentOpener, N as seconds, s as blobLinks } from './report.js';
import { tmpdir } from 'node:os';
import { C as ConfigError, G as GateError, e as errorMessage } from './validate.js';

/** The client of client.ts, its modules loaded on first use. */
async function connect(token, options = {}) {
    const { createClient } = await import('./client.js');
    return createClient(token, options);
}

// Where the report goes when report-path is not given: where cargo never looks. For a package whose
// build script has no rerun-if-changed, cargo fingerprints every file in the package's directory, so a
// report written there makes the next build (the gate's, the developer's) rebuild the package.
// In Actions: RUNNER_TEMP, emptied at the start and end of every job. Elsewhere: cargo's own target
// directory, which cargo leaves out of every fingerprint (it writes there itself).
const REPORT_FILE = 'build-gate-report.json';
/** The folder of the gate's files inside RUNNER_TEMP or the target directory. */
const GATE_FOLDER = 'build-gate';
/** Where earlier versions wrote the report by default (relative to the working directory). */
const LEGACY_REPORT_FILE = REPORT_FILE;
function defaultReportPath(place, env = process.env) {
    const runnerTemp = env.RUNNER_TEMP;
    if (place.surface === 'action' && runnerTemp && path.isAbsolute(runnerTemp))
        return path.join(runnerTemp, GATE_FOLDER, REPORT_FILE);
    if (!place.workspaceExists)
        return path.join(tmpdir(), GATE_FOLDER, REPORT_FILE);
    const target = place.targetDirectory ?? fallbackTargetDirectory(place.workingDirectory, env);
    return path.join(target, GATE_FOLDER, REPORT_FILE);
}
/** Where to write the report: report-path when given, else the default; never creates a missing working directory. */
function reportPathFor(surface, config, targetDirectory = null, env = process.env) {
    const workspaceExists = !!config && existsSync(config.workingDirectory);
    if (config?.reportPath)
        return workspaceExists ? config.reportPath : path.resolve(path.basename(config.reportPath));
    const workingDirectory = config?.workingDirectory ?? process.cwd();
    return defaultReportPath({ surface, workingDirectory, targetDirectory, workspaceExists }, env);
}
/** cargo's target directory when its metadata failed: the environment's, else `target` (never fingerprinted). */
function fallbackTargetDirectory(workingDirectory, env) {
    const set = env.CARGO_TARGET_DIR || env.CARGO_BUILD_TARGET_DIR;
    return set ? path.resolve(workingDirectory, set) : path.join(workingDirectory, 'target');
}
/**
 * The workspace member whose directory holds `file` (outside the target directory), if any: a report
 * there can make cargo rebuild that member. Deepest directory first (members may nest).
 */
function packageHolding(file, members, targetDirectory) {
    const inside = (dir) => {
        const rel = path.relative(dir, file);
        return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    };
    if (targetDirectory && inside(targetDirectory))
        return null;
    const holders = members
        .map(m => ({ name: m.name, dir: path.dirname(m.manifest_path) }))
        .filter(m => inside(m.dir))
        .sort((a, b) => b.dir.length - a.dir.length);
    return holders[0]?.name ?? null;
}
/** The report's path for people: relative to the repository, `$RUNNER_TEMP/…`, or absolute. */
function displayPath(file, repoRoot, env = process.env) {
    const under = (dir) => {
        if (!dir)
            return null;
        const rel = path.relative(dir, file);
        return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : null;
    };
    const temp = under(env.RUNNER_TEMP);
    if (temp)
        return `$RUNNER_TEMP/${temp.split(path.sep).join('/')}`;
    return under(repoRoot)?.split(path.sep).join('/') ?? file;
}

// What the log says about where the gate's files are: the report's place, the place earlier versions
// used (a workflow that uploads it finds nothing now), and a report-path that cargo would fingerprint.
function reportPlaceNotes(reportPath, config, metadata, uploadHint) {
    const warnings = [];
    const log = [];
    const flag = config?.surface === 'cli' ? '--report-path' : 'report-path';
    if (config?.reportPath && metadata) {
        const member = packageHolding(config.reportPath, workspaceMembers(metadata), metadata.target_directory);
        if (member)
            warnings.push(`${flag} ${config.reportPath} is inside the directory of package ${member}: when its build script has no rerun-if-changed, cargo fingerprints every file there, so each report makes the next build rebuild ${member}. Leave ${flag} unset (the report then goes where cargo never looks) or point it outside the workspace.`);
    }
    if (config?.surface === 'action') {
        log.push(`The JSON report is at ${reportPath} (the step's report-path output).`);
        if (!config.reportPath)
            log.push(`It is no longer written to ${LEGACY_REPORT_FILE} in the workspace, where it made cargo rebuild packages whose build script has no rerun-if-changed: a workflow that uploads ${LEGACY_REPORT_FILE} should upload ${uploadHint} (or the step's report-path output), or set report-path.`);
    }
    if (config?.surface === 'cli' && !config.reportPath) {
        const legacy = path.join(config.workingDirectory, LEGACY_REPORT_FILE);
        if (existsSync(legacy))
            log.push(`${legacy} is an earlier run's report: the report is no longer written into the workspace (cargo rebuilt packages whose build script has no rerun-if-changed for it); delete it and the build-gate-report.cargo-timing-*.html beside it.`);
    }
    if (config?.surface === 'cli' && config.baselineStore === 'file') {
        const doc = localDocument(config.workingDirectory, config.baselinePath, config.baselinePathGiven);
        if (doc.legacy && existsSync(doc.file))
            log.push(`${doc.legacy} is an earlier version's baseline: its samples were carried over to ${doc.file}, where the baseline is kept now (outside the workspace, which cargo fingerprints); delete the old file.`);
    }
    return { warnings, log };
}

// The JSON report file: written whole and atomically, so a reader never sees half a report, and
// only over nothing or over an earlier build-gate report: never over a file the user keeps.
function writeJsonAtomic(file, value, replacer) {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(value, replacer, 2)}\n`);
    renameSync(tmp, file);
}
/** Refuses (naming the input) a report path that holds anything but an earlier build-gate report. */
function assertReportTarget(file) {
    if (!existsSync(file))
        return;
    const refuse = (what) => new ConfigError('report-path', `${file} ${what}, so the gate will not overwrite it; point report-path at a new file (e.g. build-gate-report.json) or remove that file.`);
    if (!statSync(file).isFile())
        throw refuse('is not a file');
    let value;
    try {
        value = JSON.parse(readFileSync(file, 'utf8'));
    }
    catch {
        throw refuse('exists and is not a build-gate report (not JSON)');
    }
    const v = value;
    if (!v || typeof v !== 'object' || v.tool?.name !== TOOL.name || typeof v.schemaVersion !== 'number')
        throw refuse('exists and is not a build-gate report (no build-gate tool and schemaVersion)');
}

// The cargo phases of a run, as the capabilities run them (their `ports.cargo`): each phase goes
// through every capability's hook (timing's `--timings`, the tests' reading of the executables the
// build made), reports its progress, and is recorded in the report's phases; the phases of the build
// stage also feed the run's one diagnostics tally.
class CargoPhases {
    o;
    diagnostics = new DiagnosticTally();
    /** Off once the build stage is over: later phases measure or verify, they do not add diagnostics. */
    tallying = true;
    constructor(o) {
        this.o = o;
    }
    /** The build stage is over: its diagnostics, as the report keeps them; later phases add none. */
    closeDiagnostics() {
        this.tallying = false;
        return this.diagnostics.section();
    }
    async phase(name, command, call = {}) {
        const record = call.record !== false;
        if (record)
            this.o.progress({ phase: name, state: 'start' });
        let hooks = this.o.hooks;
        let r = await this.attempt(name, command, call, hooks, record && this.tallying);
        const refusing = hooks.filter(h => h.refused?.(name, r.result));
        if (refusing.length > 0) {
            hooks = hooks.filter(h => !refusing.includes(h));
            r = await this.attempt(name, command, call, hooks, record && this.tallying);
        }
        if (record) {
            const ok = r.result.ran && r.result.exitCode === 0 && !r.result.failure;
            this.o.progress({ phase: name, state: 'end', ok });
            this.o.phases.push(r.result);
        }
        return r;
    }
    attempt(name, command, call, hooks, tally) {
        const { o, diagnostics } = this;
        const cmd = hooks.reduce((c, h) => h.command?.(name, c) ?? c, command);
        const listeners = hooks.map(h => h.listen?.(name) ?? {});
        const options = {
            cwd: o.cwd,
            run: o.run,
            env: { ...CARGO_OUTPUT_ENV, ...call.env },
            members: o.members,
            ...(call.timeoutSeconds !== undefined ? { timeoutSeconds: call.timeoutSeconds } : {}),
            onOtherStdout: call.onOtherStdout,
            onStderr: line => {
                for (const l of listeners)
                    l.stderr?.(line);
                call.onStderr?.(line);
                o.log?.(line);
            },
            sink: {
                diagnostic: d => {
                    call.diagnostic?.(d);
                    if (tally && (!o.gated || o.gated.includes(d.crate)))
                        diagnostics.add(d);
                },
                dependencyWarning: () => void (tally && diagnostics.dependencyWarnings++),
                dependencyError: (pkg, message) => void (tally && diagnostics.dependencyErrors.push({ package: pkg, message })),
                artifact: a => {
                    for (const l of listeners)
                        l.artifact?.(a);
                    call.artifact?.(a);
                }
            }
        };
        return runPhase(name, cmd, options);
    }
}

/** The stages' ports for a run: the shared cargo port with every capability's hook, and the needs. */
function prepareStages(ws, capabilities, config, o) {
    const { states, hooks } = startRun(capabilities, config);
    const cargo = ws.meta
        ? new CargoPhases({
            cwd: ws.cwd,
            run: o.run,
            members: new Map(ws.members.map(p => [p.id, p.name])),
            gated: ws.shard?.members ?? null,
            phases: ws.phases,
            hooks,
            progress: o.progress,
            log: o.log
        })
        : null;
    const ports = {
        cwd: ws.cwd,
        toolchain: ws.toolchain,
        metadata: ws.meta,
        graph: ws.meta ? buildGraph(ws.meta, ws.manifests) : null,
        manifests: ws.manifests,
        phases: ws.phases,
        cargo,
        run: o.run,
        log: o.log ?? (() => undefined),
        env: o.env ?? process.env,
        now: o.now
    };
    return { ports, needs: o.needs, states, found: new Map(), cargo };
}
/** Each capability's state for this run, and their hooks into the cargo phases. */
function startRun(capabilities, config) {
    const states = new Map();
    const hooks = [];
    for (const c of capabilities) {
        const state = c.start?.(config);
        if (!state)
            continue;
        states.set(c.name, state);
        if (state.hook)
            hooks.push(state.hook);
    }
    return { states, hooks };
}
async function runStage(stage, capabilities, run, config, body) {
    for (const c of capabilities) {
        if (c.stage !== stage || !c.run)
            continue;
        const result = await c.run({ ...run.ports, report: body, ...needed(c, stage, run.needs) }, config, run.states.get(c.name) ?? {});
        Object.assign(body, result.section);
        for (const row of body.crates)
            Object.assign(row, result.crates?.[row.name]);
        if (result.findings) {
            run.found.set(c.name, result.findings);
            body.findings = [...(body.findings ?? []), ...result.findings];
        }
    }
}
function needed(c, stage, have) {
    const out = {};
    for (const name of c.needs ?? []) {
        if (!(name in have))
            throw new Error(`capability ${c.name} needs the ${name} port, which the ${stage} stage does not give`);
        Object.assign(out, { [name]: have[name] });
    }
    return out;
}

function parseRustcVersion(text) {
    const field = (name) => {
        const m = new RegExp(`^${name}: (.+)$`, 'm').exec(text);
        return m ? m[1].trim() : null;
    };
    const release = field('release');
    const host = field('host');
    if (!release || !host)
        return null;
    const channel = /-(nightly|beta)/.exec(release)?.[1] ?? 'stable';
    return { release, host, channel };
}

// Which workspace members a shard gates. Deterministic (every shard computes the same split on its
// own) and balanced: by the baseline's per-crate build times, greedy longest-first, when they exist;
// else by a stable hash, dealt round-robin so shard sizes differ by at most one.
function partition(members, total, weights) {
    const shards = Array.from({ length: total }, () => []);
    const sorted = [...new Set(members)].sort();
    const known = weights ? sorted.filter(m => (weights.get(m) ?? 0) > 0) : [];
    if (weights && known.length > 0) {
        // Members without a time yet weigh the average, so a new crate does not pile onto one shard.
        const average = known.reduce((n, m) => n + weights.get(m), 0) / known.length;
        const weight = (m) => weights.get(m) || average;
        const load = new Array(total).fill(0);
        const byWeight = [...sorted].sort((a, b) => weight(b) - weight(a) || (a < b ? -1 : 1));
        for (const m of byWeight) {
            const target = load.indexOf(Math.min(...load));
            shards[target].push(m);
            load[target] += weight(m);
        }
    }
    else {
        const byHash = sorted.sort((a, b) => fnv1a(a) - fnv1a(b) || (a < b ? -1 : 1));
        byHash.forEach((m, i) => shards[i % total].push(m));
    }
    return shards.map(s => s.sort());
}
function membersOfShard(members, shard, weights) {
    return partition(members, shard.total, weights)[shard.index - 1];
}
function fnv1a(s) {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
        h ^= s.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
}

// What the gate reads before any stage: the workspace root, the toolchain (rustc -vV), `cargo
// metadata` (its failure in cargo's own words), every manifest once, and the shard's members.
async function readWorkspace(config, o) {
    const cwd = preflight(config.workingDirectory);
    const toolchain = await readToolchain(config, cwd, o.run, o.progress);
    const phases = [];
    const meta = await readMetadata(config, { ...o, cwd, host: toolchain.host }, phases);
    if (meta)
        assertWorkspaceRoot(meta, cwd);
    const root = path.join(cwd, 'Cargo.toml');
    const manifests = readManifests([root, ...(meta ? memberManifestPaths(meta) : [])], o.readText);
    const requested = config.toolchain;
    const info = meta
        ? workspaceInfo(meta, declaredMsrv(manifests.get(root) ?? null), toolchain, requested)
        : { root: cwd, members: [], msrv: null, toolchain, requestedToolchain: requested };
    const members = meta ? workspaceMembers(meta) : [];
    const names = members.map(p => p.name);
    const shard = meta && config.shard
        ? { ...config.shard, members: membersOfShard(names, config.shard, o.shardWeights) }
        : null;
    return { cwd, toolchain, phases, meta, manifests, info, members, shard };
}
function preflight(dir) {
    if (!existsSync(dir) || !statSync(dir).isDirectory())
        throw new ConfigError('working-directory', `${dir} does not exist or is not a directory; point it at the workspace root.`);
    if (!existsSync(path.join(dir, 'Cargo.toml')))
        throw new ConfigError('working-directory', `${dir} has no Cargo.toml; point it at the directory of the workspace's root Cargo.toml.`);
    return realpathSync(dir);
}
async function readToolchain(config, cwd, run, progress) {
    const cmd = rustcVersionCommand(config);
    let out = '';
    const errs = [];
    progress({ phase: 'toolchain', state: 'start' });
    const r = await run(cmd.program, cmd.args, {
        cwd,
        // rustup explains a missing toolchain in two lines; with the workflow's RUST_BACKTRACE=1 it adds its own stack.
        env: { RUST_BACKTRACE: '0', RUST_LIB_BACKTRACE: '0' },
        onStdoutLine: l => (out += `${l}\n`),
        onStderrLine: l => errs.push(l)
    });
    progress({ phase: 'toolchain', state: 'end', ok: r.exitCode === 0 });
    if (r.spawnError)
        throw new GateError('environment', `could not run rustc (${r.spawnError}); install Rust (e.g. with rustup) before running the gate.`);
    const parsed = r.exitCode === 0 ? parseRustcVersion(out) : null;
    if (!parsed) {
        const why = errs.join('\n').trim() || `exit code ${r.exitCode ?? r.signal}`;
        const input = config.toolchain ? 'toolchain' : null;
        throw new GateError('environment', `\`${[cmd.program, ...cmd.args].join(' ')}\` failed: ${why}${config.toolchain ? `; is toolchain '${config.toolchain}' installed (rustup toolchain install ${config.toolchain})?` : ''}`, input);
    }
    return parsed;
}
/** `cargo metadata`, read; null when cargo failed (its words are in the phase's failure). */
async function readMetadata(config, o, phases) {
    o.progress({ phase: 'metadata', state: 'start' });
    const meta = await runPhase('metadata', metadataCommand(config, o.host), {
        cwd: o.cwd,
        run: o.run,
        onStderr: o.log,
        env: CARGO_OUTPUT_ENV,
        collectStdout: true
    });
    const r = meta.result;
    o.progress({ phase: 'metadata', state: 'end', ok: r.ran && r.exitCode === 0 && !r.failure });
    phases.push(r);
    if (!r.ran)
        throw new GateError('environment', r.failure ?? 'cargo did not start');
    if (r.exitCode === 0 && !r.failure) {
        try {
            return parseMetadata(meta.stdout);
        }
        catch (e) {
            r.failure = e.message;
            return null;
        }
    }
    if (!r.failure)
        r.failure = `exited with code ${r.exitCode}: ${cargoWords(meta.errors.map(e => e.text), meta.stderrTail)}`;
    return null;
}
function assertWorkspaceRoot(meta, cwd) {
    const root = realpathSync(meta.workspace_root);
    if (root !== cwd)
        throw new ConfigError('working-directory', `${cwd} is a member of the workspace at ${root}, not its root; set working-directory to ${path.relative(process.cwd(), root) || '.'}.`);
}

async function runGate(config, options = {}) {
    const capabilities = options.capabilities ?? CAPABILITIES;
    const run = options.run ?? runProcess;
    const progress = options.progress ?? (() => undefined);
    const now = options.now ?? (() => new Date());
    const ws = await readWorkspace(config, { ...options, run, progress });
    const body = startReport(ws, capabilities, now);
    // A shard with no member has nothing to gate.
    if (ws.shard?.members.length === 0)
        return { report: judge(body, config, capabilities), metadata: ws.meta };
    const needs = { ctx: options.ctx ?? readRunContext({}), documents: options.documents ?? null };
    const stages = prepareStages(ws, capabilities, config, { ...options, run, progress, now, needs });
    // cargo may refuse to resolve because of a crate it cannot read (edition 2024 on an old cargo): then
    // there is no cargo phase to run, and the analyses work on cargo's own words.
    await runStage('build', capabilities, stages, config, body);
    if (stages.cargo)
        body.diagnostics = stages.cargo.closeDiagnostics();
    await runStage('analyses', capabilities, stages, config, body);
    const verdict = judge(body, config, capabilities, stages.found).verdict;
    await runStage('judged', capabilities, { ...stages, needs: { ...needs, verdict } }, config, body);
    return { report: judge(body, config, capabilities, stages.found), metadata: ws.meta };
}

// What both the action and the CLI run: gate the workspace (or merge shard reports) into one report.
async function produceReport(config, options = {}) {
    // Before any work: a report path that would clobber a user's file is an input error.
    if (config.reportPath)
        assertReportTarget(config.reportPath);
    if (config.mode === 'merge') {
        // Loaded on first use, as its glob matcher is: most runs gate a workspace and merge nothing.
        const { mergeShardReports } = await import('./collect.js');
        return { report: await mergeShardReports(config.shardReports, config), metadata: null };
    }
    const ctx = options.ctx ?? readRunContext();
    // The branch store connects to GitHub only when it is read, and only with a token.
    const github = () => (config.token ? connect(config.token, { log: options.log }) : Promise.resolve(null));
    const documents = options.documents !== undefined ? options.documents : documentOpener(config, ctx, github);
    return runGate(config, { ...options, ctx, documents });
}

async function syncStage(report, config, ports, capabilities = CAPABILITIES) {
    let current = report;
    const wrote = [];
    const problems = [];
    const warnings = [];
    for (const c of capabilities) {
        if (!c.sync)
            continue;
        try {
            const r = await c.sync({ ...ports, report: current }, config);
            warnings.push(...(r.warnings ?? []));
            const found = r.findings ?? [];
            if (Object.keys(r.section).length === 0 && found.length === 0)
                continue;
            current = { ...current, ...r.section, findings: [...current.findings, ...found] };
            wrote.push(c);
        }
        catch (e) {
            problems.push(`${c.name[0].toUpperCase()}${c.name.slice(1)} sync: ${errorMessage(e)}`);
            const failed = c.syncFailed?.(errorMessage(e));
            if (failed) {
                current = { ...current, ...failed };
                wrote.push(c);
            }
        }
    }
    return { report: current, wrote, problems, warnings };
}

function crateTable(report, capabilities = CAPABILITIES) {
    const columns = capabilities.flatMap(c => c.table?.columns ?? []);
    // One time column per capability that timed the crates: the same figure its own section shows.
    const timed = capabilities.flatMap(c => {
        const of = c.table?.seconds;
        return of ? [{ header: c.table?.secondsHeader ?? `${c.name} (s)`, of }] : [];
    });
    const unreached = capabilities.flatMap(c => (c.table?.unreached ? [c.table.unreached] : []));
    const rows = report.crates.map(crate => {
        // A crate cargo never reached says so; its zeros would read as clean, what was found still counts.
        const why = unreached.map(u => u(crate)).find(w => w !== null);
        const cells = columns.map(c => c.cell(crate));
        const times = timed.map(t => t.of(crate));
        return [
            why ? `${crate.name} (${why})` : crate.name,
            ...(why ? cells.map(c => (c === '0' ? '–' : c)) : cells),
            ...times.map(s => (s === null ? '–' : s.toFixed(2)))
        ];
    });
    // Each time total is the sum of the figures shown above it.
    const totals = timed.map((_, i) => {
        const shown = rows.map(r => r[1 + columns.length + i]).filter(c => c !== '–');
        return shown.length === 0
            ? '–'
            : (shown.reduce((n, c) => n + Math.round(Number(c) * 100), 0) / 100).toFixed(2);
    });
    return {
        header: ['crate', ...columns.map(c => c.header), ...timed.map(t => t.header)],
        rows,
        total: ['total', ...columns.map(c => c.total(report)), ...totals]
    };
}
const PHASE_HEADER = ['phase', 'exit', 'wall (s)', 'cpu (s)', 'compiled', 'fresh'];
function phaseRows(report) {
    return report.phases.map(p => [
        p.name,
        p.signal ? p.signal : String(p.exitCode ?? '–'),
        seconds(p.wallSeconds, false),
        seconds(p.cpuSeconds ?? 0, p.cpuSeconds === null),
        String(p.units.workspace.compiled + p.units.dependencies.compiled),
        String(p.units.workspace.fresh + p.units.dependencies.fresh)
    ]);
}
function verdictLine(report) {
    const n = report.verdict.reasons.length;
    const reasons = `(${n} reason${n === 1 ? '' : 's'})`;
    if (report.verdict.stable)
        return 'Build is stable';
    return judged(report) ? `Build is unstable ${reasons}` : `Build could not be judged ${reasons}`;
}
/** Reasons that say cargo could not run or be read: alone, they say nothing about the build itself. */
const NOT_JUDGED = new Set([
    'input-error',
    'gate-error',
    'phase-failed',
    'phase-missing',
    'phase-untrusted'
]);
/**
 * Whether the verdict says something about the build: stable, or some reason is about the build (an
 * error, a failing test, a conflict), not only about the gate or cargo failing to run (a broken
 * Cargo.toml, a missing toolchain, bad input). Either way the build is not stable.
 */
function judged(report) {
    const codes = report.verdict.reasons.map(r => r.code);
    if (codes.includes('input-error') || codes.includes('gate-error'))
        return false;
    return report.verdict.stable || codes.some(c => !NOT_JUDGED.has(c));
}

/** Where rendered text points when the caller says nothing: no blob links, no run. */
function renderContext(over = {}) {
    return {
        links: blobLinks({}, process.cwd()),
        config: null,
        run: { eventName: '', defaultBranch: null, runUrl: null },
        ...over
    };
}
function markdownSections(capabilities = CAPABILITIES, ctx = renderContext()) {
    return capabilities.flatMap(c => {
        const markdown = c.markdown;
        return markdown ? [(r) => markdown(r, ctx)] : [];
    });
}
function textSections(capabilities = CAPABILITIES) {
    return capabilities.flatMap(c => {
        const terminal = c.terminal;
        if (!terminal)
            return [];
        return [(r) => terminal(r).join('\n') || null];
    });
}
/** The terminal's first lines: the tools' own words as they print them (rustc's diagnostics). */
function leadLines(report, colour, capabilities = CAPABILITIES) {
    return capabilities.flatMap(c => c.lead?.(report, colour) ?? []);
}
/** The Actions log's lines (rustc's words grouped per crate). */
function logLines(report, stopToken, capabilities = CAPABILITIES) {
    return capabilities.flatMap(c => c.log?.(report, stopToken) ?? []);
}
function sectionAnnotations(report, repoRoot, capabilities = CAPABILITIES) {
    return capabilities.flatMap(c => c.annotations?.(report, repoRoot) ?? []);
}

// The JSON report file: each capability first keeps its own files beside it (cargo's --timings HTML),
// then the report is written whole and atomically, only over nothing or an earlier build-gate report.
function writeReport(report, file, capabilities = CAPABILITIES) {
    assertReportTarget(file);
    mkdirSync(path.dirname(file), { recursive: true });
    const kept = capabilities.reduce((r, c) => ({ ...r, ...c.beside?.(r, file) }), report);
    // Colours are for terminals: the file holds the plain text only.
    writeJsonAtomic(file, kept, (key, value) => (key === 'renderedAnsi' ? undefined : value));
}

export { PHASE_HEADER as P, reportPlaceNotes as a, connect as b, crateTable as c, displayPath as d, phaseRows as e, sectionAnnotations as f, logLines as g, leadLines as l, markdownSections as m, produceReport as p, reportPathFor as r, syncStage as s, textSections as t, verdictLine as v, writeReport as w };
