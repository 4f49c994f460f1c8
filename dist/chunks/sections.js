import { n as foldVerdict, T as TOOL, S as SCHEMA_VERSION, w as workspaceMembers, o as cargoOwnArgs, q as withoutOutputFlags, s as isLibTarget, M as MESSAGE_FORMAT, u as parse, x as runProcess, y as ConfigError, z as rustcVersionCommand, C as CAPABILITIES, A as readManifests, B as memberManifestPaths, D as buildGraph, E as workspaceInfo, F as runPhase, G as metadataCommand, H as parseMetadata, J as CARGO_OUTPUT_ENV, K as withTrust, L as DiagnosticTally, c as readRunContext, N as rebuildWorkspaceCrates, O as phaseCommand, Q as TEST_RUN_ENV, R as FileStore, U as BranchStore } from './verdict.js';
import { existsSync, readFileSync, statSync, realpathSync, copyFileSync, mkdirSync, writeFileSync, renameSync } from 'node:fs';
import * as path from 'node:path';
import { G as GateError, e as errorMessage } from './validate.js';

// The report of a run that could not judge the build: always unstable, with the reason.
function failureReport(root, message, code = 'gate-error') {
    const findings = [{ code, severity: 'block', message, source: 'gate' }];
    return {
        ...blankReport({ root, members: [], msrv: null, toolchain: null, requestedToolchain: null }, []),
        findings,
        verdict: foldVerdict(findings)
    };
}
/** A report with nothing read yet: the start of every run's report. */
function blankReport(workspace, phases) {
    return {
        schemaVersion: SCHEMA_VERSION,
        tool: TOOL,
        generatedAt: new Date().toISOString(),
        workspace,
        crates: [],
        diagnostics: {
            errors: 0,
            warnings: 0,
            items: [],
            omitted: 0,
            dependencyWarnings: 0,
            dependencyErrors: []
        },
        tests: { ran: false, passed: 0, failed: 0, ignored: 0, failures: [], binaries: [] },
        phases,
        findings: []
    };
}
/** Where to write the report; never creates a working directory that does not exist. */
function reportPathFor(config) {
    if (!config || !existsSync(config.workingDirectory))
        return path.resolve(path.basename(config?.reportPath ?? 'build-gate-report.json'));
    return config.reportPath;
}

/** The client of client.ts, its modules loaded on first use. */
async function connect(token, options = {}) {
    const { createClient } = await import('./client.js');
    return createClient(token, options);
}

// libtest's JSON events (`-Z unstable-options --format json`, enabled on stable by RUSTC_BOOTSTRAP=1
// for the test run only). cargo runs the test binaries one after another; each prints one suite on
// stdout and is announced on stderr (`Running …` / `Doc-tests …`), so suites pair with binaries by order.
//
// A test's own output is not libtest's: captured output travels inside an event's `stdout` field, and
// anything that leaks to fd 1 (--nocapture, a child process, a raw write) is at most a stray line.
// Human-readable lines (`test result: ok. 999 passed`) are never read. A stray line that looks like an
// event breaks the suite's own bookkeeping (a test finished twice or never started, counts that do not
// add up to `test_count`), which makes the suite untrusted instead of changing its tally.
const OUTCOMES = { ok: 'ok', failed: 'failed', ignored: 'ignored' };
/** Reads libtest's JSON suites from the test run's stdout, line by line. */
class LibtestJsonReader {
    suites = [];
    /** Events that arrived outside any suite (a test printing libtest-like JSON between binaries). */
    orphans = [];
    current = null;
    push(line) {
        const event = parseEvent(line);
        if (!event)
            return;
        if (event.type === 'suite' && event.event === 'started') {
            if (this.current)
                this.current.anomalies.push('a new suite started before this one finished');
            const count = event.test_count;
            this.current = {
                testCount: typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : -1,
                tests: [],
                summary: null,
                anomalies: []
            };
            this.suites.push(this.current);
            return;
        }
        const suite = this.current;
        if (!suite) {
            if (event.type === 'suite' || event.type === 'test')
                this.orphans.push(line.slice(0, 200));
            return;
        }
        if (event.type === 'suite')
            this.finishSuite(suite, event);
        else if (event.type === 'test')
            this.testEvent(suite, event);
    }
    finishSuite(suite, event) {
        const n = (k) => (typeof event[k] === 'number' ? event[k] : NaN);
        if (event.event !== 'ok' && event.event !== 'failed') {
            suite.anomalies.push(`unknown suite event ${JSON.stringify(event.event)}`);
            return;
        }
        const seconds = n('exec_time');
        suite.summary = {
            ok: event.event === 'ok',
            passed: n('passed'),
            failed: n('failed'),
            ignored: n('ignored'),
            measured: n('measured'),
            seconds: Number.isFinite(seconds) ? Math.round(seconds * 1000) / 1000 : null
        };
        this.current = null;
    }
    testEvent(suite, event) {
        const name = typeof event.name === 'string' ? event.name : null;
        if (name === null) {
            suite.anomalies.push('a test event without a name');
            return;
        }
        const test = suite.tests.find(t => t.name === name);
        if (event.event === 'started') {
            if (test)
                suite.anomalies.push(`test ${name} started twice`);
            else
                suite.tests.push({ name, outcome: null, stdout: null });
            return;
        }
        // `timeout` warns that a test runs for over 60 s; it is not an outcome.
        if (event.event === 'timeout')
            return;
        const outcome = OUTCOMES[event.event];
        if (!outcome) {
            suite.anomalies.push(`test ${name}: unknown event ${JSON.stringify(event.event)}`);
            return;
        }
        if (!test)
            suite.anomalies.push(`test ${name} finished without having started`);
        else if (test.outcome) {
            suite.anomalies.push(`test ${name} finished twice`);
            // One of the two is not libtest's; which, cannot be told: keep the failure (fail closed).
            if (outcome === 'failed')
                Object.assign(test, { outcome, stdout: stdoutOf(event) });
        }
        else {
            test.outcome = outcome;
            test.stdout = stdoutOf(event);
        }
    }
}
function stdoutOf(event) {
    return typeof event.stdout === 'string' ? event.stdout : null;
}
/** An object with libtest's `type` and `event` keys, else null (a test's own output). */
function parseEvent(line) {
    const text = line.trim();
    if (!text.startsWith('{') || !text.includes('"type"'))
        return null;
    try {
        const v = JSON.parse(text);
        if (!v || typeof v !== 'object' || Array.isArray(v))
            return null;
        const e = v;
        return typeof e.type === 'string' && typeof e.event === 'string' ? e : null;
    }
    catch {
        return null;
    }
}
/**
 * What is wrong with a finished suite's bookkeeping, or null: every started test finished once, the
 * tally of the test events is the one libtest closed with, and it adds up to the announced test count.
 */
function suiteInconsistency(suite) {
    if (suite.anomalies.length > 0)
        return suite.anomalies[0];
    const s = suite.summary;
    if (!s)
        return null;
    const count = (o) => suite.tests.filter(t => t.outcome === o).length;
    const unfinished = suite.tests.find(t => t.outcome === null);
    if (unfinished)
        return `test ${unfinished.name} never finished`;
    const own = { passed: count('ok'), failed: count('failed'), ignored: count('ignored') };
    if (own.passed !== s.passed || own.failed !== s.failed || own.ignored !== s.ignored)
        return `the suite reported ${s.passed} passed, ${s.failed} failed, ${s.ignored} ignored, but its tests ${own.passed}, ${own.failed}, ${own.ignored}`;
    if (s.passed + s.failed + s.ignored + s.measured !== suite.testCount)
        return `the suite announced ${suite.testCount} tests and reported ${s.passed + s.failed + s.ignored + s.measured}`;
    if (s.ok !== (s.failed === 0))
        return `the suite reported ${s.ok ? 'ok' : 'failed'} with ${s.failed} failures`;
    return null;
}
const RUNNING_BINARY = /^\s*Running (?:unittests )?(.+?) \((.+)\)\s*$/;
const DOC_TESTS = /^\s*Doc-tests (\S+)\s*$/;
/** Reads which binary runs next from cargo test's stderr. */
function binaryIdentity(line) {
    const running = RUNNING_BINARY.exec(line);
    if (running)
        return { kind: 'running', source: running[1], executable: running[2] };
    const doc = DOC_TESTS.exec(line);
    if (doc)
        return { kind: 'doc', crateName: doc[1] };
    return null;
}
const RERUN = /^error: (?:test|doctest) failed, to rerun pass `(.+)`\s*$/;
/**
 * cargo's own word that a test target failed (`error: test failed, to rerun pass \`-p app --lib\``),
 * printed on stderr after the binary exits, as `-p <package> --lib|--doc|--<kind> <name>`.
 */
function failedTarget(line) {
    const m = RERUN.exec(line);
    return m ? m[1].trim() : null;
}
/**
 * The panic message of a failing test, as a user reads it: the lines after `panicked at file:l:c:`
 * (or the quoted message of the pre-1.73 format), else the first meaningful line of its output.
 */
function panicMessage(output) {
    for (let i = 0; i < output.length; i++) {
        const line = output[i];
        const old = /panicked at '(.*)', \S+:\d+:\d+$/.exec(line);
        if (old)
            return old[1];
        if (/panicked at .+:\d+:\d+:$/.test(line)) {
            const message = [];
            for (const next of output.slice(i + 1)) {
                if (next === '' || next.startsWith('note: ') || next.startsWith('stack backtrace:'))
                    break;
                message.push(next);
            }
            return message.join('\n') || null;
        }
    }
    const first = output.map(l => l.trim()).find(l => l !== '' && !l.startsWith('stack backtrace'));
    return first ?? null;
}

// A failing test's captured output can be megabytes (a chatty test, a dumped fixture): the report,
// the summary and the annotations need its end, where the panic is, not all of it.
/** Characters of a failure's output kept in the report. */
const FAILURE_OUTPUT_LIMIT = 64 * 1024;
/** The end of `text` within `limit` characters, from a line start, after a note of what was left out. */
function outputTail(text, limit = FAILURE_OUTPUT_LIMIT) {
    if (text.length <= limit)
        return text;
    const cut = text.length - limit;
    const lineStart = text.indexOf('\n', cut);
    const from = lineStart === -1 || lineStart - cut > limit / 2 ? cut : lineStart + 1;
    return `[… ${from} earlier characters of output left out]\n${text.slice(from)}`;
}

// Pairs libtest suites with the binaries cargo announced, attributes each to a workspace crate, and
// cross-checks every binary against cargo's own verdict on it (the `to rerun pass …` lines).
function resolveTests(read, meta) {
    const section = {
        ran: true,
        passed: 0,
        failed: 0,
        ignored: 0,
        failures: [],
        binaries: [],
        untrusted: []
    };
    const failedSpecs = new Set(read.failedTargets.map(normalizeSpec));
    const binaries = read.identities.map(id => identify(id, read, meta));
    let next = 0;
    for (const bin of binaries) {
        const cargoSaysFailed = bin.spec !== null && failedSpecs.has(bin.spec);
        if (bin.harnessFree) {
            // No libtest inside: the binary's exit status, as cargo reports it, is the whole result.
            addBinary(section, bin, { passed: cargoSaysFailed ? 0 : 1, failed: cargoSaysFailed ? 1 : 0, ignored: 0 }, true, null);
            if (cargoSaysFailed)
                section.failures.push({
                    ...where(bin),
                    name: '(test binary)',
                    message: 'the harness = false test binary exited with a failure'
                });
            continue;
        }
        judgeSuite(section, bin, read.suites[next++] ?? null, cargoSaysFailed, read.killed ?? null);
    }
    const extra = read.suites.length - next;
    if (extra > 0)
        section.untrusted.push(`libtest printed ${extra} more suite(s) than cargo ran test binaries: a test printed libtest events of its own`);
    if (read.orphans.length > 0)
        section.untrusted.push(`${read.orphans.length} libtest event(s) outside any test binary's suite (first: ${read.orphans[0]}): a test printed libtest events of its own`);
    return section;
}
function judgeSuite(section, bin, suite, cargoSaysFailed, killed) {
    if (!suite) {
        addBinary(section, bin, { passed: 0, failed: 1, ignored: 0 }, false, null);
        section.failures.push({
            ...where(bin),
            name: '(test binary)',
            message: 'the test binary produced no libtest output'
        });
        return;
    }
    const count = (o) => suite.tests.filter(t => t.outcome === o).length;
    const tally = { passed: count('ok'), failed: count('failed'), ignored: count('ignored') };
    for (const t of suite.tests)
        if (t.outcome === 'failed')
            section.failures.push({
                ...where(bin),
                name: t.name,
                message: panicMessage((t.stdout ?? '').split('\n')),
                // The panic location (annotations, summary links) is read from it.
                output: t.stdout ? outputTail(t.stdout) : null
            });
    if (!suite.summary) {
        // Crashed or killed mid-run: the test that was running when it stopped is the one to look at.
        const running = [...suite.tests].reverse().find(t => t.outcome === null);
        tally.failed++;
        section.failures.push({
            ...where(bin),
            name: running?.name ?? '(test binary)',
            message: `${killed ? `the test run was stopped: ${killed}` : 'the test binary stopped before reporting its result (crashed or killed)'}${running ? ` while running ${running.name}` : ''}`
        });
        addBinary(section, bin, tally, false, null);
        return;
    }
    const odd = suiteInconsistency(suite);
    if (odd)
        section.untrusted.push(`${bin.crate} ${bin.target}: libtest's output cannot be trusted (${odd})`);
    else if (bin.spec !== null && cargoSaysFailed !== tally.failed > 0) {
        if (cargoSaysFailed) {
            // libtest said all passed, yet the binary failed (e.g. it exited non-zero after the tests).
            tally.failed++;
            section.failures.push({
                ...where(bin),
                name: '(test binary)',
                message: 'cargo reports the test binary failed although every test passed (it exited with a failure)'
            });
        }
        else
            section.untrusted.push(`${bin.crate} ${bin.target}: libtest reported ${tally.failed} failure(s) but cargo says the binary passed`);
    }
    addBinary(section, bin, tally, true, suite.summary.seconds);
}
function addBinary(section, bin, tally, finished, seconds) {
    section.binaries.push({
        ...where(bin),
        ...tally,
        finished,
        seconds,
        ...(bin.harnessFree ? { harness: false } : {})
    });
    section.passed += tally.passed;
    section.failed += tally.failed;
    section.ignored += tally.ignored;
}
function where(bin) {
    return { crate: bin.crate, target: bin.target };
}
/** cargo writes `-p name@1.0.0` when a name is ambiguous; the version is not needed to match. */
function normalizeSpec(spec) {
    return spec.replace(/^-p (\S+?)(?:@\S+)? /, '-p $1 ').replace(/\s+/g, ' ');
}
function identify(id, read, meta) {
    const members = workspaceMembers(meta);
    if (id.kind === 'doc') {
        const owner = members.find(m => m.targets.some(t => t.name === id.crateName && t.kind.some(k => k.endsWith('lib') || k === 'proc-macro')));
        const crate = owner?.name ?? id.crateName;
        return { crate, target: 'doc', spec: owner ? `-p ${crate} --doc` : null, harnessFree: false };
    }
    const artifact = read.artifacts.find(a => a.executable && path.basename(a.executable) === path.basename(id.executable));
    const member = artifact && members.find(m => m.id === artifact.packageId);
    if (!artifact || !member)
        return { crate: '(unknown)', target: id.source, spec: null, harnessFree: false };
    const kind = artifact.targetKind[0] ?? 'lib';
    const isLib = kind.endsWith('lib') || kind === 'proc-macro';
    return {
        crate: member.name,
        target: isLib ? 'lib' : `${kind}:${artifact.targetName}`,
        spec: isLib ? `-p ${member.name} --lib` : `-p ${member.name} --${kind} ${artifact.targetName}`,
        harnessFree: read.harnessFree.has(`${artifact.packageId}\u0000${artifact.targetName}`)
    };
}

/** Why a phase that exited 0 cannot be trusted because some selected member produced nothing. */
function unbuiltProblem(phase, selected, built, expected = selected) {
    if (phase.failure || phase.exitCode !== 0)
        return null;
    const missing = expected.filter(m => !built.has(m));
    if (selected.length === 0)
        return `\`${phase.command.join(' ')}\` selects no workspace member, so the workspace was not built`;
    if (missing.length === 0)
        return null;
    return `cargo reported nothing built for ${list(missing)}: the workspace was not built as selected (are the arguments pointing at another manifest or package?)`;
}
/**
 * Sets the phase's `untrusted` when it exited 0 without building every `expected` member: the selected
 * ones it has something to build for (see builds-member.ts).
 */
function markUnbuilt(phase, selected, built, expected = selected) {
    const problem = unbuiltProblem(phase, selected, built, expected);
    if (problem)
        phase.untrusted = problem;
}
/** Why the tests cannot run after this build phase, or undefined when they can. */
function whyNotTested(phase, errors, what) {
    if (errors > 0)
        return `${what} failed with compile errors`;
    if (phase.failure)
        return `${what} failed`;
    if (phase.untrusted)
        return `${what} did not build the workspace`;
    return undefined;
}
/** The crates a failed build stopped at: members with compile errors, else the broken dependencies. */
function stoppedAt(tally, members) {
    const own = [...tally.perCrate].filter(([, c]) => c.errors > 0).map(([name]) => name);
    if (own.length > 0)
        return own.sort();
    const deps = tally.dependencyErrors.map(d => members.get(d.package) ?? packageName(d.package));
    return [...new Set(deps)].sort();
}
/** `registry+…#name@1.0.0` or `path+file:///…/name#1.0.0` → a readable name. */
function packageName(id) {
    const hash = id.split('#')[1] ?? id;
    return hash.includes('@') ? hash : `${id.split('#')[0].split('/').pop()}@${hash}`;
}
function markNotChecked(crates, why) {
    return crates.map(c => (why.has(c.name) ? { ...c, notChecked: why.get(c.name) } : c));
}
/**
 * Members a failed check never reached (with --keep-going cargo still skips the crates that depend on
 * a broken one), each with the crates the build stopped at.
 */
function notChecked(selected, built, failedCrates) {
    const out = new Map();
    if (failedCrates.length === 0)
        return out;
    for (const m of selected)
        if (!built.has(m) && !failedCrates.includes(m))
            out.set(m, `not checked: the build stopped at ${list(failedCrates)}`);
    return out;
}
function list(names) {
    const shown = names.slice(0, 5).join(', ');
    return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

// Which workspace members a cargo command selects (`-p`, `--workspace`, `--exclude`, default members),
// so the gate can tell whether each of them was built: a stable verdict needs the workspace checked.
/** Member names the args select, as cargo would (globs in -p / --exclude included). */
function selectedMembers(args, meta) {
    const all = workspaceMembers(meta);
    const names = all.map(m => m.name);
    const packages = optionValues(args, ['-p', '--package']);
    const excluded = optionValues(args, ['--exclude']);
    const own = cargoOwnArgs(args);
    if (packages.length > 0)
        return names.filter(n => packages.some(p => matches(p, n)));
    if (own.includes('--workspace') || own.includes('--all'))
        return names.filter(n => !excluded.some(p => matches(p, n)));
    const defaults = meta.workspace_default_members;
    if (!defaults)
        return names;
    return all.filter(m => defaults.includes(m.id)).map(m => m.name);
}
function optionValues(args, flags) {
    const out = [];
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '--')
            break;
        if (flags.includes(a) && i + 1 < args.length)
            out.push(args[++i]);
        for (const f of flags) {
            if (f.startsWith('--') && a.startsWith(`${f}=`))
                out.push(a.slice(f.length + 1));
            else if (f === '-p' && a.startsWith('-p') && a.length > 2)
                out.push(a.slice(2));
        }
    }
    return out.flatMap(v => v.split(',')).map(v => v.trim().replace(/@.*$/, ''));
}
/** cargo's package specs accept `*`, `?` and `[…]` globs. */
function matches(spec, name) {
    if (!/[*?[]/.test(spec))
        return spec === name;
    const re = spec
        .replace(/[.+^${}()|\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    return new RegExp(`^${re}$`).test(name);
}

// Compile once: `cargo check` then `cargo test` compiles every workspace crate twice (metadata, then
// code). One `cargo build --lib --bins --tests --examples` compiles the same units as both:
// - `cargo check` (no target flags) checks lib and bins in normal mode: `--lib --bins`, same cfg, so
//   the same lints (dead code used only by tests included);
// - `cargo test --no-run` builds the test-mode lib, bins and integration tests (`--tests`) and the
//   examples (`--examples`), and the normal lib they link;
// and `cargo test` afterwards finds every unit fresh (same dev/test profiles). This holds only when
// both commands select the same packages, features and profile, with no target flags; otherwise the
// gate runs the two phases. Pure: the user's args and the workspace in, a plan out.
/** Flags that take a value (as the next argument or after `=`). */
const VALUED = new Set(['-p', '--package', '--exclude', '-F', '--features', '-j', '--jobs', '--target-dir']);
/** Flags that change neither what is compiled nor how; compared as they are. */
const NEUTRAL = new Set(['--locked', '--offline', '--frozen', '-v', '--verbose', '-vv', '-q', '--quiet']);
/** Only the test run reads these. */
const RUN_ONLY = new Set(['--no-fail-fast', '--fail-fast']);
/**
 * `packages`: the shard's members, which replace the user's package selection in both commands
 * (see commands.ts); null for the user's own selection.
 */
function planBuild(input, meta, packages = null) {
    if (input.compileOnce === 'off')
        return twoPhase('compile-once is off');
    if (!input.runTests)
        return twoPhase('tests are not run, so `cargo check` alone is the build');
    const checkArgs = withoutOutputFlags(input.checkArgs);
    const testArgs = withoutOutputFlags(input.testArgs);
    const check = readArgs(checkArgs, 'check-args');
    const test = readArgs(cargoOwnArgs(testArgs).filter(a => !RUN_ONLY.has(a)), 'test-args');
    if (typeof check === 'string')
        return twoPhase(check);
    if (typeof test === 'string')
        return twoPhase(test);
    if (packages) {
        for (const s of [check, test])
            Object.assign(s, { workspace: false, packages, exclude: [] });
    }
    if (!same(selectionOf(check), selectionOf(test)))
        return twoPhase('check-args and test-args select different packages');
    if (!same([...check.other].sort(), [...test.other].sort()))
        return twoPhase(`check-args and test-args differ in ${diff(check.other, test.other).join(' ') || 'their flags'}`);
    const selected = selectedPackages(check, meta);
    if (!same(featuresOf(check), featuresOf(test)) && selected.some(p => Object.keys(p.features).length > 0))
        return twoPhase('check-args and test-args select different features');
    const hasLib = selected.some(p => p.targets.some(isLibTarget));
    return {
        mode: 'compile-once',
        args: [
            ...(packages ? [...withoutSelection(checkArgs), ...packages.flatMap(p => ['-p', p])] : checkArgs),
            ...(hasLib ? ['--lib'] : []),
            '--bins',
            '--tests',
            '--examples'
        ]
    };
}
/** The one build, read like the check: cargo's JSON messages, and --keep-going as the check has it. */
function compileOnceCommand(config, args) {
    const toolchain = config.toolchain ? [`+${config.toolchain}`] : [];
    const keepGoing = args.includes('--keep-going') ? [] : ['--keep-going'];
    return { program: 'cargo', args: [...toolchain, 'build', ...args, ...keepGoing, MESSAGE_FORMAT] };
}
function twoPhase(reason) {
    return { mode: 'two-phase', reason };
}
function readArgs(args, input) {
    const s = {
        workspace: false,
        packages: [],
        exclude: [],
        allFeatures: false,
        noDefaultFeatures: false,
        features: [],
        other: []
    };
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
        const flag = eq === -1 ? arg : arg.slice(0, eq);
        if (flag === '--workspace' || flag === '--all')
            s.workspace = true;
        else if (flag === '--all-features')
            s.allFeatures = true;
        else if (flag === '--no-default-features')
            s.noDefaultFeatures = true;
        else if (NEUTRAL.has(flag))
            s.other.push(flag);
        else if (VALUED.has(flag)) {
            const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
            if (value === undefined)
                return `${input}: ${flag} has no value`;
            if (flag === '-p' || flag === '--package')
                s.packages.push(value);
            else if (flag === '--exclude')
                s.exclude.push(value);
            else if (flag === '-F' || flag === '--features')
                s.features.push(...value.split(/[ ,]+/).filter(Boolean));
            else
                s.other.push(`${flag}=${value}`);
        }
        else
            return `${input} has \`${arg}\`, which compile-once does not know to be the same for check and test`;
    }
    return s;
}
function selectionOf(s) {
    return { workspace: s.workspace, packages: [...s.packages].sort(), exclude: [...s.exclude].sort() };
}
function featuresOf(s) {
    return { all: s.allFeatures, noDefault: s.noDefaultFeatures, features: [...new Set(s.features)].sort() };
}
/** The packages both commands build: as cargo resolves `--workspace`, `-p`, `--exclude` and defaults. */
function selectedPackages(s, meta) {
    const members = meta.packages.filter(p => meta.workspace_members.includes(p.id));
    if (s.packages.length > 0)
        return members.filter(p => s.packages.includes(p.name));
    if (s.workspace)
        return members.filter(p => !s.exclude.includes(p.name));
    const defaults = meta.workspace_default_members ?? meta.workspace_members;
    return members.filter(p => defaults.includes(p.id));
}
/** The args without package selection (for a shard, whose `-p` list replaces it). */
function withoutSelection(args) {
    const out = [];
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '--workspace' || a === '--all')
            continue;
        if (a === '-p' || a === '--package' || a === '--exclude') {
            i++;
            continue;
        }
        if (a.startsWith('--package=') || a.startsWith('--exclude='))
            continue;
        out.push(a);
    }
    return out;
}
function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}
function diff(a, b) {
    return [...a.filter(x => !b.includes(x)), ...b.filter(x => !a.includes(x))];
}

// Targets built with `harness = false`: their binaries print no libtest suite, and cargo judges them
// by exit status alone. `cargo metadata` does not say which they are, so the manifests do.
/** `${packageId}\u0000${targetName}` of every target that declares `harness = false`. */
function harnessFreeTargets(members, read = readManifest) {
    const out = new Set();
    for (const pkg of members) {
        const manifest = read(pkg.manifest_path);
        if (!manifest)
            continue;
        const lib = isTarget(manifest.lib) ? manifest.lib : null;
        if (lib?.harness === false && typeof lib.name !== 'string') {
            const target = pkg.targets.find(t => t.kind.some(k => k.endsWith('lib') || k === 'proc-macro'));
            if (target)
                out.add(`${pkg.id}\u0000${target.name}`);
        }
        const declared = [
            ...(lib ? [lib] : []),
            ...['bin', 'test', 'bench', 'example'].flatMap(k => Array.isArray(manifest[k]) ? manifest[k].filter(isTarget) : [])
        ];
        for (const d of declared) {
            if (d.harness !== false)
                continue;
            const src = typeof d.path === 'string' ? path.resolve(path.dirname(pkg.manifest_path), d.path) : null;
            const target = pkg.targets.find(t => (typeof d.name === 'string' && t.name === d.name.replace(/-/g, '_')) ||
                t.name === d.name ||
                (src && t.src_path === src));
            if (target)
                out.add(`${pkg.id}\u0000${target.name}`);
        }
    }
    return out;
}
function isTarget(v) {
    return !!v && typeof v === 'object' && !Array.isArray(v);
}
function readManifest(file) {
    try {
        return parse(readFileSync(file, 'utf8'));
    }
    catch {
        return null; // cargo metadata already read it; a target we cannot see stays a libtest target.
    }
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

const MARKER = /\bUNIT_DATA\s*=\s*\[/;
function parseCargoTimings(html) {
    const m = MARKER.exec(html);
    if (!m)
        return fail('no UNIT_DATA found in the cargo timing report');
    const open = m.index + m[0].length - 1;
    const close = matchingBracket(html, open);
    if (close === -1)
        return fail('the UNIT_DATA array in the cargo timing report is cut short');
    let data;
    try {
        data = JSON.parse(html.slice(open, close + 1));
    }
    catch (e) {
        return fail(`the UNIT_DATA array in the cargo timing report is not JSON (${e.message})`);
    }
    if (!Array.isArray(data))
        return fail('UNIT_DATA in the cargo timing report is not an array');
    const units = [];
    for (const [i, raw] of data.entries()) {
        const u = raw;
        const { name, version, target, start, duration } = u ?? {};
        if (typeof name !== 'string' || typeof version !== 'string' || typeof duration !== 'number')
            return fail(`UNIT_DATA entry ${i} of the cargo timing report has no name, version and duration (keys: ${Object.keys(u ?? {}).join(', ') || 'none'})`);
        units.push({
            name,
            version,
            target: typeof target === 'string' ? target : '',
            start: typeof start === 'number' ? start : 0,
            duration
        });
    }
    return { units, problem: null };
}
/** The units of workspace members (same name and version), as crate times. */
function workspaceCrateTimes(units, members) {
    const ours = new Set(members.map(p => `${p.name}@${p.version}`));
    return units
        .filter(u => ours.has(`${u.name}@${u.version}`))
        .map(u => ({ crate: u.name, kind: u.target.trim() || 'lib', seconds: u.duration }));
}
/** Where cargo says it wrote the report: `Timing report saved to <path>` on stderr. */
function savedReportPath(stderrLine) {
    const m = /^\s*Timing report saved to (.+?)\s*$/.exec(stderrLine);
    return m ? m[1] : null;
}
function fail(problem) {
    return { units: null, problem };
}
/** Index of the `]` closing the `[` at `open`, skipping brackets inside JSON strings; -1 if none. */
function matchingBracket(text, open) {
    let depth = 0;
    let inString = false;
    for (let i = open; i < text.length; i++) {
        const c = text[i];
        if (inString) {
            if (c === '\\')
                i++;
            else if (c === '"')
                inString = false;
        }
        else if (c === '"')
            inString = true;
        else if (c === '[' || c === '{')
            depth++;
        else if (c === ']' || c === '}') {
            depth--;
            if (depth === 0)
                return i;
        }
    }
    return -1;
}

// The cargo phases' --timings reports: asks cargo for them, notes where cargo says it wrote each one
// (stderr), and reads the workspace crates' unit times out of the latest round of phases.
/**
 * cargo cannot render the --timings report of a build with no units to build ("no timing data found
 * in log", e.g. `cargo test -p x` where x has no test targets) and fails the whole command. Such a phase
 * built nothing, so there is nothing to time: it is run again without --timings.
 */
function refusedEmptyReport(r) {
    const u = r.units;
    const units = u.workspace.compiled + u.workspace.fresh + u.dependencies.compiled + u.dependencies.fresh;
    return r.exitCode !== 0 && units === 0 && r.cargoErrors.some(e => e.includes('no timing data found'));
}
/** `--timings` right after cargo's subcommand, so it stays before any `--` of the user's args. */
function withTimings(cmd) {
    const sub = cmd.args.findIndex(a => !a.startsWith('+'));
    if (sub === -1 || cmd.args.includes('--timings'))
        return cmd;
    return { ...cmd, args: [...cmd.args.slice(0, sub + 1), '--timings', ...cmd.args.slice(sub + 1)] };
}
class TimingReports {
    enabled;
    rounds = [[]];
    constructor(enabled) {
        this.enabled = enabled;
    }
    command(cmd) {
        return this.enabled ? withTimings(cmd) : cmd;
    }
    /** A stderr listener for one phase of the current round; passes every line on to `next`. */
    listen(phase, next) {
        const entry = { phase, path: null };
        if (this.enabled)
            this.rounds.at(-1).push(entry);
        return line => {
            if (this.enabled)
                entry.path = savedReportPath(line) ?? entry.path;
            next?.(line);
        };
    }
    /** A phase of this round that ran again without --timings (see refusedEmptyReport). */
    untimed(phase) {
        const round = this.rounds.at(-1);
        this.rounds[this.rounds.length - 1] = round.filter(e => e.phase !== phase);
    }
    /** The confirmation rebuild starts a new round, measured on its own. */
    newRound() {
        this.rounds.push([]);
    }
    latest(members) {
        const out = { times: [], files: [], problems: [] };
        for (const { phase, path } of this.rounds.at(-1)) {
            if (!path) {
                out.problems.push(`cargo did not say where it wrote the --timings report of ${phase}`);
                continue;
            }
            let html;
            try {
                html = readFileSync(path, 'utf8');
            }
            catch (e) {
                out.problems.push(`could not read ${path} (${e.message})`);
                continue;
            }
            const parsed = parseCargoTimings(html);
            if (parsed.problem !== null) {
                out.problems.push(`${phase}: ${parsed.problem} (${path})`);
                continue;
            }
            out.files.push({ phase, path });
            out.times.push(...workspaceCrateTimes(parsed.units, members));
        }
        return out;
    }
}

// Which members a cargo command builds anything for, from cargo's target selection. By default
// `cargo check` builds libs and bins (a member of integration tests only gets nothing), and `cargo test`
// the targets that are tested (test = true), doc-tested (a lib with doctest = true) or examples (built
// to check they compile): a member whose targets all opt out is left alone, and rightly so. With
// explicit target flags, the members with a target of a selected kind. Either way only targets whose
// required-features the command enables count: cargo skips the others without a word.
const SELECTORS = {
    '--lib': isLibTarget,
    '--bins': t => t.kind.includes('bin'),
    '--bin': t => t.kind.includes('bin'),
    '--tests': t => t.test !== false || t.kind.includes('test'),
    '--test': t => t.kind.includes('test'),
    '--examples': t => t.kind.includes('example'),
    '--example': t => t.kind.includes('example'),
    '--benches': t => t.kind.includes('bench'),
    '--bench': t => t.kind.includes('bench'),
    '--all-targets': () => true
};
const DEFAULTS = {
    check: t => isLibTarget(t) || t.kind.includes('bin'),
    // Metadata from a cargo without the test flag says nothing: expect the member to be built.
    test: t => t.test !== false || t.doctest === true || t.kind.includes('example')
};
function buildsMember(pkg, args, command) {
    const own = cargoOwnArgs(args);
    const on = enabledFeatures(pkg, own);
    const targets = pkg.targets.filter(t => on === 'all' || (t['required-features'] ?? []).every(f => on.has(f)));
    const flags = Object.keys(SELECTORS).filter(f => own.some(a => a === f || a.startsWith(`${f}=`)));
    if (flags.length === 0)
        return targets.some(DEFAULTS[command]);
    return targets.some(t => flags.some(f => SELECTORS[f](t)));
}
/** The package's features the args turn on, with what `default` and each of them enable in turn. */
function enabledFeatures(pkg, own) {
    if (own.includes('--all-features'))
        return 'all';
    const listed = featureArgs(own)
        .flatMap(v => v.split(/[\s,]+/))
        .filter(Boolean)
        // `member/feature` names one member's feature; a plain name, every selected member's.
        .flatMap(f => !f.includes('/') ? [f] : f.startsWith(`${pkg.name}/`) ? [f.slice(pkg.name.length + 1)] : []);
    const queue = [...(own.includes('--no-default-features') ? [] : ['default']), ...listed];
    const on = new Set();
    for (let f = queue.pop(); f !== undefined; f = queue.pop()) {
        if (on.has(f))
            continue;
        on.add(f);
        // `dep:x` and `x/feature` are about dependencies; a plain name is another feature of the package.
        for (const e of pkg.features[f] ?? [])
            if (!e.includes('/') && !e.startsWith('dep:'))
                queue.push(e);
    }
    return on;
}
function featureArgs(own) {
    const out = [];
    for (let i = 0; i < own.length; i++) {
        const a = own[i];
        if ((a === '--features' || a === '-F') && i + 1 < own.length)
            out.push(own[++i]);
        else if (a.startsWith('--features='))
            out.push(a.slice('--features='.length));
        else if (a.startsWith('-F') && a.length > 2)
            out.push(a.slice(a[2] === '=' ? 3 : 2));
    }
    return out;
}
/** The selected members the command has something to build for. */
function expectedBuilt(meta, selected, args, command) {
    return workspaceMembers(meta)
        .filter(p => selected.includes(p.name) && buildsMember(p, args, command))
        .map(p => p.name);
}

// The pipeline: preflight → toolchain → metadata → build phases → analyses → judge → timing → judge.
// Returns the report; publishing it (outputs, summary, GitHub) is the caller's business.
async function runGate(config, options = {}) {
    const cwd = preflight(config.workingDirectory);
    const run = options.run ?? runProcess;
    const progress = options.progress ?? (() => undefined);
    const toolchain = await readToolchain(config, cwd, run, progress);
    const phases = [];
    const timings = new TimingReports(config.crateTimings);
    return gateWith(config, options, { cwd, run, progress, toolchain, phases, timings });
}
async function gateWith(config, options, state) {
    const { cwd, run, toolchain, phases } = state;
    const capabilities = options.capabilities ?? CAPABILITIES;
    const common = {
        cwd,
        run,
        onStderr: options.log,
        env: CARGO_OUTPUT_ENV
    };
    const rootPath = path.join(cwd, 'Cargo.toml');
    const now = options.now ?? (() => new Date());
    const ports = (report, meta, graph, manifests) => ({
        cwd,
        toolchain,
        metadata: meta,
        graph,
        manifests,
        phases,
        report,
        run,
        log: options.log ?? (() => undefined),
        env: options.env ?? process.env,
        now
    });
    const meta = await metadataStage(config, common, state);
    if (!meta) {
        // cargo may refuse to resolve because of a crate it cannot read (edition 2024 on an old cargo).
        const body = emptyReport(cwd, toolchain, config, phases);
        const found = await analysesStage(capabilities, ports(body, null, null, readManifests([rootPath], options.readText)), config, body);
        return { report: judge(capabilities, config, body, found), metadata: null };
    }
    assertWorkspaceRoot(meta, cwd);
    const members = new Map(workspaceMembers(meta).map(p => [p.id, p.name]));
    const shard = config.shard
        ? { ...config.shard, members: membersOfShard([...members.values()], config.shard, options.shardWeights) }
        : null;
    const packages = shard?.members ?? null;
    // Every manifest is read once, here; analyses get their text.
    const manifests = readManifests([rootPath, ...memberManifestPaths(meta)], options.readText);
    const graph = buildGraph(meta, manifests);
    const workspace = workspaceInfo(meta, declaredMsrv(manifests.get(rootPath) ?? null), toolchain, config.toolchain);
    if (packages?.length === 0) {
        const body = { ...emptyReport(cwd, toolchain, config, phases), workspace, shard: shard };
        return { report: judge(capabilities, config, body, new Map()), metadata: meta };
    }
    const { tally, tests, compileOnce, buildCommand, unchecked } = await buildStage(config, options, state, common, members, packages, meta);
    const body = {
        schemaVersion: SCHEMA_VERSION,
        tool: TOOL,
        generatedAt: now().toISOString(),
        workspace,
        crates: markNotChecked(crateSummaries(meta, tally, tests).filter(c => !packages || packages.includes(c.name)), unchecked),
        diagnostics: tally.section(),
        tests,
        phases,
        compileOnce,
        ...(shard ? { shard } : {})
    };
    const found = await analysesStage(capabilities, ports(body, meta, graph, manifests), config, body);
    const judged = judge(capabilities, config, body, found);
    const timed = await timingStage(capabilities, config, options, state, {
        ...ports(body, meta, graph, manifests),
        stableSoFar: judged.verdict.stable,
        rebuild: () => rebuildWorkspaceCrates(config, [...members.values()], state.timings, { ...common, members }, buildCommand)
    });
    for (const [name, f] of timed)
        found.set(name, f);
    return { report: judge(capabilities, config, body, found), metadata: meta };
}
/** `cargo metadata`, read; null when cargo failed (its words are in the phase's failure). */
async function metadataStage(config, common, state) {
    state.progress({ phase: 'metadata', state: 'start' });
    const metaRun = await runPhase('metadata', metadataCommand(config, state.toolchain.host), {
        ...common,
        collectStdout: true
    });
    state.progress({ phase: 'metadata', state: 'end', ok: succeeded(metaRun.result) });
    state.phases.push(metaRun.result);
    if (!metaRun.result.ran)
        throw new GateError('environment', metaRun.result.failure ?? 'cargo did not start');
    if (metaRun.result.exitCode === 0 && !metaRun.result.failure) {
        try {
            return parseMetadata(metaRun.stdout);
        }
        catch (e) {
            metaRun.result.failure = e.message;
            return null;
        }
    }
    if (!metaRun.result.failure)
        metaRun.result.failure = `exited with code ${metaRun.result.exitCode}: ${cargoWords(metaRun.errors.map(e => e.text), metaRun.stderrTail)}`;
    return null;
}
/** cargo check, then (when asked and the check is clean) the test build and the test run. */
async function buildStage(config, options, state, common, members, packages, meta) {
    const { progress, phases, timings } = state;
    const tally = new DiagnosticTally();
    const artifacts = [];
    const sink = {
        // A shard builds other members as dependencies: their diagnostics are their own shard's to count.
        diagnostic: (d) => void ((!packages || packages.includes(d.crate)) && tally.add(d)),
        dependencyWarning: () => void tally.dependencyWarnings++,
        dependencyError: (pkg, message) => void tally.dependencyErrors.push({ package: pkg, message }),
        artifact: (a) => void (a.executable && artifacts.push(a))
    };
    // The members each phase really built: a phase that skipped one cannot vouch for it.
    const built = {
        check: new Set(),
        build: new Set(),
        'test-build': new Set(),
        test: new Set()
    };
    const cargoPhase = async (name, extra = {}, command = phaseCommand(config, name, packages)) => {
        progress({ phase: name, state: 'start' });
        const attempt = (timed) => runPhase(name, timed ? timings.command(command) : command, {
            ...common,
            ...(timed ? { onStderr: timings.listen(name, options.log) } : {}),
            members,
            sink: {
                ...sink,
                artifact: (a) => {
                    sink.artifact(a);
                    const member = members.get(a.packageId);
                    if (member)
                        built[name].add(member);
                }
            },
            ...extra,
            env: { ...common.env, ...extra.env }
        });
        // Only the build phases are timed; the test run compiles nothing.
        let r = await attempt(name !== 'test');
        if (name !== 'test' && timings.enabled && refusedEmptyReport(r.result)) {
            timings.untimed(name);
            r = await attempt(false);
        }
        progress({ phase: name, state: 'end', ok: succeeded(r.result) });
        phases.push(r.result);
        return r;
    };
    const plan = planBuild(config, meta, packages);
    const buildCommand = plan.mode === 'compile-once' ? compileOnceCommand(config, plan.args) : null;
    // Compile once: one cargo build stands for check + test build (see compile-once.ts).
    const check = buildCommand ? await cargoPhase('build', {}, buildCommand) : await cargoPhase('check');
    explainExit(check.result, tally.errors > 0, tally, check.stderrTail);
    const checkSelected = packages ?? selectedMembers(config.checkArgs, meta);
    const checkBuilt = built[buildCommand ? 'build' : 'check'];
    const checkable = expectedBuilt(meta, checkSelected, buildCommand?.args ?? config.checkArgs, 'check');
    // A check with nothing to check in any selected member checked nothing: it still has to build them.
    markUnbuilt(check.result, checkSelected, checkBuilt, checkable.length ? checkable : checkSelected);
    let tests = { ran: false, passed: 0, failed: 0, ignored: 0, failures: [], binaries: [] };
    if (config.runTests)
        tests.notRun = whyNotTested(check.result, tally.errors, buildCommand ? 'the build' : 'cargo check');
    if (config.runTests && !tests.notRun && !buildCommand) {
        const build = await cargoPhase('test-build');
        explainExit(build.result, tally.errors > 0, tally, build.stderrTail);
        const testSelected = packages ?? selectedMembers(config.testArgs, meta);
        const testable = expectedBuilt(meta, testSelected, config.testArgs, 'test');
        markUnbuilt(build.result, testSelected, built['test-build'], testable);
        tests.notRun = whyNotTested(build.result, tally.errors, 'the test build (cargo test --no-run)');
    }
    if (config.runTests && !tests.notRun) {
        const libtest = new LibtestJsonReader();
        const identities = [];
        const failedTargets = [];
        const test = await cargoPhase('test', {
            env: TEST_RUN_ENV,
            timeoutSeconds: config.testTimeoutMinutes * 60,
            onOtherStdout: line => libtest.push(line),
            onStderr: line => {
                const id = binaryIdentity(line);
                if (id)
                    identities.push(id);
                const failed = failedTarget(line);
                if (failed)
                    failedTargets.push(failed);
                options.log?.(line);
            }
        });
        const harnessFree = harnessFreeTargets(workspaceMembers(meta));
        const killed = test.result.signal ? test.result.failure : null;
        tests = resolveTests({ ...libtest, identities, failedTargets, artifacts, harnessFree, killed }, meta);
        explainExit(test.result, tests.failed > 0, tally, test.stderrTail);
    }
    const compileOnce = { mode: plan.mode, reason: plan.mode === 'two-phase' ? plan.reason : null };
    const unchecked = notChecked(checkSelected, checkBuilt, stoppedAt(tally, members));
    return { tally, tests, compileOnce, buildCommand, unchecked };
}
/** Timing needs the verdict without itself: a regression that reached the default branch is recorded. */
const timingStage = (capabilities, config, options, state, ports) => runStage('timing', capabilities, {
    ...ports,
    baseline: options.baseline ?? null,
    ctx: options.ctx ?? readRunContext({}),
    timings: state.timings
}, config, ports.report);
const analysesStage = (capabilities, ports, config, body) => runStage('analyses', capabilities, ports, config, body);
/** Runs the capabilities of one stage in registry order; each writes its section into `body`. */
async function runStage(stage, capabilities, ports, config, body) {
    const found = new Map();
    for (const c of capabilities) {
        if (c.stage !== stage || !c.run)
            continue;
        const result = await c.run({ ...ports, report: body }, config);
        Object.assign(body, result.section);
        found.set(c.name, result.findings);
    }
    return found;
}
/**
 * The judge: every capability's findings in registry order (the build stage's read from their sections
 * now, the others' as their run returned them), the fail-closed finding, and their fold.
 */
function judge(capabilities, config, body, found) {
    const findings = withTrust(body, capabilities.flatMap(c => found.get(c.name) ?? (c.stage === 'build' ? c.findings(body, config) : [])));
    return { ...body, findings, verdict: foldVerdict(findings) };
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
function assertWorkspaceRoot(meta, cwd) {
    const root = realpathSync(meta.workspace_root);
    if (root !== cwd)
        throw new ConfigError('working-directory', `${cwd} is a member of the workspace at ${root}, not its root; set working-directory to ${path.relative(process.cwd(), root) || '.'}.`);
}
/** `[workspace.package] rust-version` of the root manifest, if declared. */
function declaredMsrv(manifest) {
    try {
        const parsed = parse(manifest ?? '');
        const v = parsed.workspace?.package?.['rust-version'];
        return typeof v === 'string' ? v : null;
    }
    catch {
        return null; // cargo metadata already accepted the manifest; its own reading stands.
    }
}
/** A non-zero exit that the readers did not explain is a failure in cargo's own words. */
function explainExit(result, explained, tally, tail) {
    if (result.failure || result.exitCode === 0 || explained)
        return;
    const dep = tally.dependencyErrors[0];
    const words = dep
        ? `dependency ${dep.package} failed to compile: ${dep.message}`
        : cargoWords(result.cargoErrors, tail);
    result.failure = `exited with code ${result.exitCode}: ${words}`;
}
function cargoWords(errors, tail) {
    return errors.length > 0 ? errors.join('\n') : tail.join('\n').trim() || '(cargo printed nothing on stderr)';
}
function crateSummaries(meta, tally, tests) {
    return workspaceMembers(meta).map(p => {
        const d = tally.perCrate.get(p.name) ?? { warnings: 0, errors: 0 };
        const bins = tests.binaries.filter(b => b.crate === p.name);
        const sum = (f) => bins.reduce((n, b) => n + f(b), 0);
        return {
            name: p.name,
            version: p.version,
            manifestPath: p.manifest_path,
            warnings: d.warnings,
            errors: d.errors,
            passed: sum(b => b.passed),
            failed: sum(b => b.failed),
            ignored: sum(b => b.ignored),
            buildSeconds: null,
            testSeconds: bins.some(b => b.seconds !== null)
                ? Math.round(sum(b => b.seconds ?? 0) * 1000) / 1000
                : null
        };
    });
}
function emptyReport(root, toolchain, config, phases) {
    return blankReport({ root, members: [], msrv: null, toolchain, requestedToolchain: config.toolchain }, phases);
}
function succeeded(p) {
    return p.ran && p.exitCode === 0 && !p.failure;
}

// cargo's --timings HTML reports live in the target directory, which CI rarely uploads and the next
// build overwrites: copy them beside the JSON report, so a workflow uploads both from one place.
/** `build-gate-report.json` → `build-gate-report.cargo-timing-check.html`. */
function keptReportPath(reportFile, phase) {
    const stem = path.basename(reportFile).replace(/\.json$/i, '');
    return path.join(path.dirname(reportFile), `${stem}.cargo-timing-${phase}.html`);
}
/** Copies the reports; the returned report names the copies (a file that could not be copied keeps its path). */
function keepTimingReports(report, reportFile) {
    const files = report.timing?.cargoTimings;
    if (!report.timing || !files || files.length === 0)
        return report;
    const kept = files.map(f => {
        const to = keptReportPath(reportFile, f.phase);
        try {
            copyFileSync(f.path, to);
            return { ...f, path: to };
        }
        catch {
            return f;
        }
    });
    return { ...report, timing: { ...report.timing, cargoTimings: kept } };
}

// The JSON report file: written whole and atomically, so a reader never sees half a report, and
// only over nothing or over an earlier build-gate report: never over a file the user keeps.
function writeJsonAtomic(file, value, replacer) {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(value, replacer, 2)}\n`);
    renameSync(tmp, file);
}
/** Writes the report, with cargo's --timings HTML copied beside it (see keep-reports.ts). */
function writeReport(report, file) {
    assertReportTarget(file);
    mkdirSync(path.dirname(file), { recursive: true });
    // Colours are for terminals: the file holds the plain text only.
    writeJsonAtomic(file, keepTimingReports(report, file), (key, value) => key === 'renderedAnsi' ? undefined : value);
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

// What both the action and the CLI run: gate the workspace (or merge shard reports) into one report.
async function produceReport(config, options = {}) {
    // Before any work: a report path that would clobber a user's file is an input error.
    assertReportTarget(config.reportPath);
    if (config.mode === 'merge') {
        // Loaded on first use, as its glob matcher is: most runs gate a workspace and merge nothing.
        const { mergeShardReports } = await import('./collect.js');
        return { report: await mergeShardReports(config.shardReports, config), metadata: null };
    }
    const ctx = options.ctx ?? readRunContext();
    const baseline = options.baseline !== undefined ? options.baseline : await baselineStore(config, ctx, options.log);
    return runGate(config, { ...options, ctx, baseline });
}
/** null when the branch store cannot be reached (no token or repository): time is then measured only. */
async function baselineStore(config, ctx, log) {
    if (config.baselineStore === 'file')
        return new FileStore(config.baselinePath, config.workingDirectory);
    if (!config.token || !ctx.owner || !ctx.repo) {
        log?.('Build time is measured but not compared: baseline-store "branch" needs github-token and GITHUB_REPOSITORY.');
        return null;
    }
    return new BranchStore(await connect(config.token, { log }), {
        owner: ctx.owner,
        repo: ctx.repo,
        branch: config.baselineBranch,
        path: config.baselinePath
    });
}

async function syncStage(report, config, ports, capabilities = CAPABILITIES) {
    let current = report;
    const wrote = [];
    const problems = [];
    for (const c of capabilities) {
        if (!c.sync)
            continue;
        try {
            const r = await c.sync({ ...ports, report: current }, config);
            if (Object.keys(r.section).length === 0 && r.findings.length === 0)
                continue;
            current = { ...current, ...r.section, findings: [...current.findings, ...r.findings] };
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
    return { report: current, wrote, problems };
}

function markdownSections(capabilities = CAPABILITIES) {
    return capabilities.flatMap(c => (c.markdown ? [c.markdown] : []));
}
function textSections(capabilities = CAPABILITIES) {
    return capabilities.flatMap(c => {
        const terminal = c.terminal;
        if (!terminal)
            return [];
        return [(r) => terminal(r).join('\n') || null];
    });
}
function sectionAnnotations(report, repoRoot, capabilities = CAPABILITIES) {
    return capabilities.flatMap(c => c.annotations?.(report, repoRoot) ?? []);
}

export { sectionAnnotations as a, connect as c, failureReport as f, markdownSections as m, produceReport as p, reportPathFor as r, syncStage as s, textSections as t, writeReport as w };
