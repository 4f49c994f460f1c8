#!/usr/bin/env node
import * as path from 'node:path';
import { c as conflictsWeighing, f as filesOf, a as fixFindings, r as runFixes, b as runProcess, w as workspaceMembers, m as measure, T as TIMEOUT_SECONDS, d as cargoFix, e as fixedLints, g as count, h as fixedLines, I as INPUTS, i as defaultFor, p as plainText, C as CAPABILITIES, t as table, j as TOOL, k as parseConfig, l as failureReport, n as readRunContext } from './chunks/report.js';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { G as GateError, i as isGateError, e as errorMessage } from './chunks/validate.js';
import 'node:child_process';
import 'node:string_decoder';
import 'node:crypto';
import 'node:os';
import { parseArgs } from 'node:util';
import { l as leadLines, c as crateTable, v as verdictLine, t as textSections, p as produceReport, r as reportPathFor, a as reportPlaceNotes, s as syncStage, b as connect, w as writeReport } from './chunks/write.js';
import './chunks/no-retry.js';

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
        // Asked for by name (--apply): every conflict that counts, blocking or warning.
        targets: conflictsWeighing(report.conflicts, report.findings, ['block', 'warn']),
        conflictOptions: { ...config, toolchain: report.workspace.toolchain?.release ?? null },
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
                lines.push(`  ${f.manifest}:${f.diff.line}`, ...(f.diff.before ? [`  - ${f.diff.before.trim()}`] : []), ...f.diff.after.split('\n').map(l => `  + ${l.trim()}`));
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

// `build-gate --apply`: cargo fix (or cargo clippy --fix) in the user's own tree, with cargo's own
// safety: it refuses a tree with uncommitted changes, or no version control, unless the user consents
// (--allow-dirty, --allow-no-vcs), and never is that consent given for them. Then what changed.
async function applyLintFixes(config, run, consents, runner = runProcess) {
    const { report, metadata } = run;
    if (!metadata || report.diagnostics.warnings === 0)
        return [];
    if (report.diagnostics.errors > 0)
        return [
            '--apply: cargo fix was not run: the workspace has compile errors (cargo fix needs it to compile).'
        ];
    const where = {
        root: report.workspace.root,
        targetDir: null,
        members: new Map(workspaceMembers(metadata).map(p => [p.id, p.name])),
        run: runner,
        timeoutSeconds: TIMEOUT_SECONDS
    };
    const before = await measure(config, where);
    if (before.failure)
        return [`--apply: cargo check before cargo fix failed: ${before.failure}`];
    if (!before.warnings.some(w => w.fixable))
        return ['--apply: no warning carries a machine-applicable suggestion; nothing for cargo fix to do.'];
    const flags = [
        ...(consents.allowDirty ? ['--allow-dirty'] : []),
        ...(consents.allowNoVcs ? ['--allow-no-vcs'] : [])
    ];
    const fix = await cargoFix(config, where, flags);
    if (!fix.ok)
        return [refusal(fix.said, fix.failure), ...fix.said.flatMap(s => s.split('\n').map(l => `  ${l}`))];
    const after = await measure(config, where);
    const fixed = fixedLints(before.warnings, after.warnings);
    const lines = [
        fix.files.length
            ? `--apply: \`${fix.command.slice(1).join(' ')}\` changed ${fix.files.join(', ')}; it fixed ${count(fixed.reduce((n, f) => n + f.count, 0), 'warning')}:`
            : `--apply: \`${fix.command.slice(1).join(' ')}\` changed no file.`,
        ...fixedLines(fixed).map(l => `  ${l}`)
    ];
    for (const said of fix.said)
        lines.push(...said.split('\n').map(l => `  ${l}`));
    if (after.failure || after.errors.length)
        lines.push(`--apply: after cargo fix, cargo check says: ${after.failure ?? count(after.errors.length, 'compile error')}`);
    if (fix.files.length)
        lines.push('--apply: review the changes with `git diff` before you commit them.');
    return lines;
}
/** cargo's refusal in the CLI's terms: which build-gate flag gives the consent cargo asks for. */
function refusal(said, failure) {
    const words = said.join('\n');
    if (/uncommitted changes|staged changes/.test(words))
        return '--apply: cargo fix refused: the working tree has uncommitted changes (below). Commit or stash them first, or pass --allow-dirty to build-gate to let cargo fix edit them anyway.';
    if (/no VCS found/.test(words))
        return '--apply: cargo fix refused: the workspace is not under version control, so its changes could not be reviewed or undone. Pass --allow-no-vcs to build-gate to let cargo fix edit it anyway.';
    return `--apply: cargo fix failed: ${failure}`;
}

// "did you mean …?": the known name closest to a mistyped one, by edit distance.
/** Damerau–Levenshtein (optimal string alignment): a swapped pair of letters counts as one edit. */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [
        i,
        ...new Array(b.length).fill(0)
    ]);
    for (let j = 1; j <= b.length; j++)
        d[0][j] = j;
    for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.length][b.length];
}
/** The closest candidate within a third of the name's length (at least 2 edits), else null. */
function suggest(name, candidates) {
    let best = null;
    let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
    for (const c of candidates) {
        const dist = editDistance(name.toLowerCase(), c);
        if (dist < bestDistance) {
            best = c;
            bestDistance = dist;
        }
    }
    return best;
}

// Command-line flags → the same named inputs the action reads. node:util.parseArgs splits the words;
// the rules on top are the CLI's public interface: a positional PATH is the working directory, boolean
// inputs take no value (`--deny-warnings`, `--no-deny-warnings`) yet still accept one
// (`--deny-warnings false`, `--deny-warnings=false`), and an unknown flag gets a suggestion.
/** A command line that cannot be read: an input error, reported like a bad action input. */
class UsageError extends GateError {
    constructor(message) {
        super('input', message);
    }
}
const BOOLEAN_WORDS = ['true', 'false', 'True', 'False', 'TRUE', 'FALSE', 'yes', 'no', 'on', 'off', '1', '0'];
/** Words a switch takes besides true and false (`--deny-warnings new`). */
const MORE_WORDS = { 'deny-warnings': ['new'] };
/** Inputs whose value is true or false: they work as bare switches on the command line. */
const BOOLEAN_INPUTS = new Set(INPUTS.filter(i => i.default === 'true' || i.default === 'false').map(i => i.name));
/** Flags that are not inputs. */
const EXTRA = {
    help: 'h',
    version: 'V',
    'no-tests': undefined,
    apply: undefined,
    'allow-dirty': undefined,
    'allow-no-vcs': undefined
};
/** The consents cargo fix asks for, passed on only when given (with --apply). */
const CONSENTS = ['allow-dirty', 'allow-no-vcs'];
function parseCommandLine(argv) {
    const options = {};
    for (const i of INPUTS) {
        options[i.name] = { type: BOOLEAN_INPUTS.has(i.name) ? 'boolean' : 'string' };
        if (BOOLEAN_INPUTS.has(i.name))
            options[`no-${i.name}`] = { type: 'boolean' };
    }
    for (const [name, short] of Object.entries(EXTRA))
        options[name] = { type: 'boolean', ...(short ? { short } : {}) };
    // strict: false so that unknown flags reach the suggestion below instead of a generic error.
    const { tokens } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
    const inputs = new Map();
    const positionals = [];
    const set = (name, value, flag) => {
        if (inputs.has(name) && inputs.get(name) !== value)
            throw new UsageError(`${flag} contradicts an earlier flag for '${name}'; give it once.`);
        inputs.set(name, value);
    };
    let command = 'run';
    let apply = false;
    const consents = new Set();
    for (let t = 0; t < tokens.length; t++) {
        const token = tokens[t];
        if (token.kind === 'option-terminator')
            continue;
        if (token.kind === 'positional') {
            positionals.push(token.value);
            continue;
        }
        const { name, rawName, value, inlineValue } = token;
        if (!(name in options))
            throw unknownFlag(rawName, Object.keys(options));
        if (name === 'help' || name === 'version') {
            if (command === 'run')
                command = name;
            continue;
        }
        if (name === 'apply') {
            if (inlineValue)
                throw new UsageError(`${rawName} takes no value.`);
            apply = true;
            continue;
        }
        if (CONSENTS.includes(name)) {
            if (inlineValue)
                throw new UsageError(`${rawName} takes no value.`);
            consents.add(name);
            continue;
        }
        if (name === 'no-tests') {
            if (inlineValue)
                throw new UsageError(`${rawName} takes no value.`);
            set('run-tests', 'false', rawName);
            continue;
        }
        if (name.startsWith('no-') && BOOLEAN_INPUTS.has(name.slice(3))) {
            if (inlineValue)
                throw new UsageError(`${rawName} takes no value; use --${name.slice(3)}=${value}.`);
            set(name.slice(3), 'false', rawName);
            continue;
        }
        if (BOOLEAN_INPUTS.has(name)) {
            const next = tokens[t + 1];
            const words = [...BOOLEAN_WORDS, ...(MORE_WORDS[name] ?? [])];
            if (inlineValue) {
                if (!words.includes(value ?? ''))
                    throw notBoolean(name, value ?? '');
                set(name, value, rawName);
            }
            else if (next?.kind === 'positional' && words.includes(next.value)) {
                set(name, next.value, rawName);
                t++;
            }
            else if (next?.kind === 'positional' && misspeltBoolean(next.value)) {
                throw notBoolean(name, next.value);
            }
            else
                set(name, 'true', rawName);
            continue;
        }
        if (value === undefined)
            throw new UsageError(`${rawName} needs a value${example(rawName, name)}.`);
        set(name, value, rawName);
    }
    if (command !== 'run')
        return { kind: command };
    for (const c of consents)
        if (!apply)
            throw new UsageError(`--${c} is cargo fix's consent for --apply; give it with --apply.`);
    if (positionals.length > 1)
        throw new UsageError(`one workspace PATH at a time; got ${positionals.map(p => `'${p}'`).join(', ')}. Quote an argument that holds spaces.`);
    if (positionals.length === 1) {
        if (inputs.has('working-directory'))
            throw new UsageError(`PATH '${positionals[0]}' and --working-directory both name the workspace; give one of them.`);
        inputs.set('working-directory', positionals[0]);
    }
    return {
        kind: 'run',
        inputs,
        apply,
        allowDirty: consents.has('allow-dirty'),
        allowNoVcs: consents.has('allow-no-vcs')
    };
}
/** `--deny-warnings flase`: a word one slip from a boolean, and no such directory, is not the PATH. */
function misspeltBoolean(word) {
    if (word.length < 3 || existsSync(word))
        return false;
    const w = word.toLowerCase();
    return ['true', 'false', 'yes'].some(b => editDistance(w, b) <= (b.length > 4 ? 2 : 1));
}
function notBoolean(name, value) {
    return new UsageError(`--${name}: '${value}' is not a boolean; use --${name} or --no-${name} (or --${name}=true, --${name}=false).`);
}
function unknownFlag(raw, known) {
    const near = suggest(raw.replace(/^-+/, '').replace(/=.*$/, ''), known);
    return new UsageError(`unknown option '${raw}'${near ? `; did you mean '--${near}'?` : '.'} Run build-gate --help for the list.`);
}
function example(flag, name) {
    const spec = INPUTS.find(i => i.name === name);
    return spec?.default && !spec.default.startsWith('${{') ? `, e.g. ${flag} '${spec.default}'` : '';
}

// `build-gate --help`: flags in one column, descriptions wrapped in the next, whatever the widths.
const HIDDEN = new Set(['github-token']);
function usage(columns = 100) {
    const rows = [
        ['PATH', 'The Rust workspace to gate (same as --working-directory) [default: .]'],
        ['--no-tests', 'Same as --no-run-tests.'],
        [
            '--apply',
            "Write the verified dependency fixes into Cargo.lock and the manifests, and apply rustc's (with --clippy, clippy's) machine-applicable suggestions with cargo fix (cargo clippy --fix), which refuses a tree with uncommitted changes."
        ],
        ['--allow-dirty', 'With --apply: let cargo fix edit a working tree with uncommitted changes.'],
        ['--allow-no-vcs', 'With --apply: let cargo fix edit a workspace that is not under version control.'],
        ...INPUTS.filter(i => !HIDDEN.has(i.name) && i.name !== 'working-directory').map((i) => {
            const flag = BOOLEAN_INPUTS.has(i.name) ? `--[no-]${i.name}` : `--${i.name} VALUE`;
            const def = defaultFor(i.name, 'cli');
            return [flag, `${plainText(i.description)}${def ? ` [default: ${def}]` : ''}`];
        }),
        ['--working-directory DIR', 'Same as PATH.'],
        ['-h, --help', 'Show this help.'],
        ['-V, --version', 'Print the version.']
    ];
    return [
        'Usage: build-gate [PATH] [options]',
        '',
        'Runs cargo check and cargo test on the Rust workspace at PATH; says whether its build is stable.',
        'Exit status: 0 stable; 1 unstable, could not be judged, or bad input;',
        '             2 stable, but the roadmap sync failed (the last line says both).',
        '',
        'Options (every action input is a flag of the same name; --[no-]flags also take true or false):',
        ...columnsOf(rows, columns),
        '',
        'Build time: the baseline is a local file (--baseline-store file) in your state directory',
        '(~/.local/state/build-gate/, or $XDG_STATE_HOME/build-gate/), one per workspace: outside the',
        'workspace and the target directory, so cargo never rebuilds for it and cargo clean keeps it.',
        'With --update-baseline auto (the default) every stable run adds its sample to it, so later runs',
        'compare with your own history; --update-baseline never leaves the file alone.',
        '',
        'Report: build-gate/build-gate-report.json in the target directory (--report-path moves it).',
        '',
        'GITHUB_TOKEN in the environment is used for GitHub features (roadmap preview, baseline branch).'
    ].join('\n');
}
/** Two columns: the first as wide as its widest entry, the second wrapped to the terminal. */
function columnsOf(rows, columns) {
    const indent = 2;
    const left = Math.max(...rows.map(r => r[0].length)) + indent + 2;
    const width = Math.max(30, columns - left);
    const out = [];
    for (const [flag, text] of rows) {
        const lines = wrap(text, width);
        out.push(`${' '.repeat(indent)}${flag.padEnd(left - indent)}${lines[0]}`);
        for (const more of lines.slice(1))
            out.push(`${' '.repeat(left)}${more}`);
    }
    return out;
}
function wrap(text, width) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/)) {
        if (line && line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        }
        else
            line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
    return lines;
}

/**
 * The lines cargo prints about its own progress (JSON messages go to stdout; these come on stderr).
 * `Executable` (one per test binary of --no-run) and `Timing report saved` say nothing about progress.
 */
const STATUS = /^\s+(Compiling|Checking|Documenting|Running|Doc-tests|Finished|Blocking|Updating|Locking|Downloading|Downloaded|Adding)\s/;
class Progress {
    stream;
    colour;
    timer = null;
    started = 0;
    label = '';
    constructor(stream, colour = false) {
        this.stream = stream;
        this.colour = colour;
    }
    update(e) {
        const label = e.phase === 'toolchain' ? 'rustc -vV' : `cargo ${e.phase}`;
        if (e.state === 'start') {
            this.stop();
            this.started = Date.now();
            this.label = label;
            if (this.stream.isTTY) {
                let frame = 0;
                const frames = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏';
                this.timer = setInterval(() => {
                    this.stream.write(`\r${frames[frame++ % frames.length]} ${this.label} (${this.elapsed(0)}s)`);
                }, 100);
            }
            else
                this.stream.write(`… ${label}\n`);
        }
        else {
            this.stop();
            // A phase that exited non-zero or could not be read is not a success, whatever came next.
            const mark = e.ok === false ? '✗' : '✓';
            this.stream.write(`${this.clear()}${mark} ${label} (${this.elapsed(1)}s)\n`);
        }
    }
    /** A line cargo wrote on stderr: shown when it is one of cargo's status lines. */
    cargoLine(line) {
        const m = STATUS.exec(line);
        if (!m)
            return;
        const text = this.colour ? line.replace(m[1], `\x1b[1;32m${m[1]}\x1b[0m`) : line;
        // On a terminal the spinner's line is cleared first; the spinner redraws below at its next tick.
        this.stream.write(`${this.clear()}${text}\n`);
    }
    stop() {
        if (this.timer)
            clearInterval(this.timer);
        this.timer = null;
    }
    clear() {
        return this.stream.isTTY ? '\r\x1b[K' : '';
    }
    elapsed(digits) {
        return ((Date.now() - this.started) / 1000).toFixed(digits);
    }
}

// The gate's hints name action inputs (`Input 'deny-warnings'`, "set `public-api: off`"); on the
// command line the same input is a flag, so the CLI says `--deny-warnings`, `--public-api off`.
// Only known input names in the forms the gate writes are rewritten, never the compiler's words.
const VALUE = String.raw `[\w.@/*+-]+`;
/** Hints in the CLI's words: every input the hint names, spelt as its flag. */
function cliWords(text, names = INPUTS.map(i => i.name)) {
    const name = `(${[...names]
        .sort((a, b) => b.length - a.length)
        .map(escape)
        .join('|')})`;
    const bare = new RegExp(`(?<![\\w./-])${name}(?![\\w/-])`, 'g');
    return (text
        // Input 'check-args': … (a ConfigError)
        .replace(new RegExp(`\\bInput '${name}'`, 'g'), '--$1')
        // `public-api: off` and set public-api: off
        .replace(new RegExp('`' + name + ': (' + VALUE + ')`', 'g'), '`--$1 $2`')
        .replace(new RegExp(`\\bset ${name}: (${VALUE})`, 'g'), 'set --$1 $2')
        // `public-api-base`, set toolchain, set history-path to …
        .replace(new RegExp('`' + name + '`', 'g'), '`--$1`')
        .replace(new RegExp(`\\bset ${name}\\b(?!-)`, 'g'), 'set --$1')
        // A hyphenated input name on its own (public-api-crates) is no ordinary word, unless it is also
        // a value or a finding code (compile-once, dry-run, duplicate-versions).
        .replace(bare, (whole, n) => (n.includes('-') && !ALSO_A_VALUE.has(n) ? `--${n}` : whole)));
}
const ALSO_A_VALUE = new Set([
    'compile-once',
    'dry-run',
    'duplicate-versions',
    'fix-search',
    'fix-pr',
    'public-api'
]);
function escape(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function terminalReport(report, sections = textSections(), 
/** `words`: how hints name the inputs (the CLI spells them as flags). */
options = {}) {
    const words = options.words ?? ((t) => t);
    const capabilities = options.capabilities ?? CAPABILITIES;
    const out = [...leadLines(report, options.colour ?? false, capabilities)];
    if (report.crates.length) {
        const t = crateTable(report, capabilities);
        out.push(table([t.header, ...t.rows, t.total]));
    }
    for (const s of sections) {
        const text = s(report);
        if (text)
            out.push('', plainText(words(text)));
    }
    out.push('', verdictLine(report));
    for (const r of report.verdict.reasons)
        out.push(`  ✗ ${plainText(words(r.message))}`);
    for (const w of report.verdict.warnings)
        out.push(`  ! ${plainText(words(w.message))}`);
    return out.join('\n').replace(/^\n+/, '');
}

// The CLI over the same run: `build-gate [PATH] [--no-tests] [--no-deny-warnings] …`.
// Every action input is a flag of the same name. Exit status: 0 stable; 1 unstable, not judged or bad
// input; 2 stable, but a sync after the verdict (the roadmap preview) failed.
/** Colour as cargo decides it: on a terminal, unless NO_COLOR is set (https://no-color.org). */
function wantsColour(stream, env = process.env) {
    if (env.NO_COLOR)
        return false;
    return stream.isTTY === true;
}
async function main(argv, out = process.stdout, err = process.stderr) {
    let config = null;
    let report;
    let judged = false;
    let applied = [];
    let metadata = null;
    const progress = new Progress(err, wantsColour(err));
    try {
        const command = parseCommandLine(argv);
        if (command.kind === 'help') {
            out.write(`${usage(process.stdout.columns || 100)}\n`);
            return 0;
        }
        if (command.kind === 'version') {
            out.write(`${TOOL.name} ${TOOL.version}\n`);
            return 0;
        }
        const flags = command.inputs;
        if (!flags.has('github-token') && process.env.GITHUB_TOKEN)
            flags.set('github-token', process.env.GITHUB_TOKEN);
        config = parseConfig(name => flags.get(name) ?? '', 'cli');
        const run = await produceReport(config, {
            progress: e => progress.update(e),
            log: line => progress.cargoLine(line)
        });
        report = run.report;
        metadata = run.metadata;
        judged = true;
        // cargo fix first: it refuses a tree with uncommitted changes, which the dependency fixes would make.
        if (command.apply)
            applied = [
                ...(await applyLintFixes(config, run, command)),
                ...(await applyAfterGate(config, run)).lines
            ];
    }
    catch (e) {
        progress.stop();
        if (isGateError(e, 'input')) {
            err.write(`build-gate: ${cliWords(e.message)}\n`);
            return 1;
        }
        report = failureReport(config?.workingDirectory ?? process.cwd(), errorMessage(e));
    }
    progress.stop();
    const reportPath = reportPathFor('cli', config, metadata?.target_directory ?? null);
    const notes = reportPlaceNotes(reportPath, config, metadata, reportPath);
    const save = (r) => {
        try {
            writeReport(r, reportPath);
        }
        catch (e) {
            notes.warnings.push(`could not write the report to ${reportPath}: ${errorMessage(e)}`);
        }
    };
    save(report);
    // On a laptop the roadmap is only shown (a local run is never trusted to write it), after the verdict.
    const problems = [];
    if (judged && config) {
        const synced = await syncStage(report, config, {
            ctx: readRunContext(),
            github: config.token ? await connect(config.token) : null,
            log: () => undefined
        });
        report = synced.report;
        problems.push(...synced.problems);
        if (synced.wrote.length)
            save(report);
    }
    const text = terminalReport(report, undefined, { colour: wantsColour(out), words: cliWords });
    out.write(`${text}\n\nReport: ${path.relative(process.cwd(), reportPath) || reportPath}\n`);
    if (applied.length)
        out.write(`${applied.join('\n')}\n`);
    for (const line of [...notes.warnings, ...notes.log])
        err.write(`build-gate: ${cliWords(line)}\n`);
    for (const p of problems)
        err.write(`build-gate: ${cliWords(p)}\n`);
    const status = exitStatus(report.verdict.stable, problems.length > 0);
    // The last line holds both the verdict and the sync's failure, so neither hides the other.
    if (problems.length)
        out.write(`${verdictLine(report)}, but ${syncNames(problems)} failed (exit status ${status}).\n`);
    return status;
}
/** 0 stable; 1 unstable or not judged; 2 stable, but a sync after the verdict failed. */
function exitStatus(stable, syncFailed) {
    if (!stable)
        return 1;
    return syncFailed ? 2 : 0;
}
/** `Roadmap sync: …` problems → "the roadmap sync". */
function syncNames(problems) {
    const names = [
        ...new Set(problems.map(p => /^(\w[\w -]*? sync):/.exec(p)?.[1].toLowerCase() ?? 'the sync'))
    ];
    return `the ${names.join(' and the ')}`.replace(/^the the /, 'the ');
}

process.exitCode = await main(process.argv.slice(2));
