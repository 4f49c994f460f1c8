import { a as glob } from './glob.js';
import { readFileSync } from 'node:fs';
import { R as READABLE_SCHEMA_VERSIONS, C as CAPABILITIES, O as blankReport, P as foldVerdict, k as parseConfig, Q as deriveFindings, S as unionSets, U as byCodeUnit } from './report.js';
import 'fs';
import 'path';
import 'url';
import 'module';
import 'node:path';
import './validate.js';
import 'node:crypto';
import './no-retry.js';
import 'node:os';
import 'node:child_process';
import 'node:string_decoder';
import 'node:util';

// The shape a shard report must have before the merge reads it: a wrong shape is a plain sentence
// naming what is wrong, never a crash deeper in the merge.
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** null when `report` can be merged; else why not. */
function shardReportProblem(report) {
    if (!isObject(report))
        return 'it is not a JSON object';
    const version = report.schemaVersion;
    if (typeof version !== 'number' || !READABLE_SCHEMA_VERSIONS.includes(version))
        return `schemaVersion is ${String(version)}; this build-gate reads schema versions ${READABLE_SCHEMA_VERSIONS.join(' and ')} (upgrade the merge job's build-gate to the shards' version)`;
    if (!isObject(report.shard))
        return 'it is not a shard report (no shard section); was the job run with the shard input?';
    const shard = report.shard;
    if (!Number.isInteger(shard.index) || !Number.isInteger(shard.total) || !Array.isArray(shard.members))
        return 'its shard section needs index, total and members';
    for (const key of ['diagnostics', 'tests', 'workspace'])
        if (!isObject(report[key]))
            return `its ${key} section is missing or not an object`;
    for (const key of ['crates', 'phases'])
        if (!Array.isArray(report[key]))
            return `its ${key} list is missing or not a list`;
    const d = report.diagnostics;
    const t = report.tests;
    if (typeof d.errors !== 'number' || typeof d.warnings !== 'number' || !Array.isArray(d.items))
        return 'its diagnostics section needs errors, warnings and items';
    if (typeof t.failed !== 'number' || !Array.isArray(t.failures) || !Array.isArray(t.binaries))
        return 'its tests section needs failed, failures and binaries';
    if (version >= 2 && !Array.isArray(report.findings))
        return 'it is schema 2 but has no findings list';
    return null;
}

// Shards write reports; the merge reads them and gives the one verdict, re-derived from the shards'
// findings (never from a shard's `stable`). A shard that is missing, unreadable or failed makes the
// merged build unstable, naming the shard (fail closed). The core's sections (crates, diagnostics,
// phases) are merged here, each capability merges its own.
function readShardReports(files) {
    return files.map(file => {
        try {
            const report = JSON.parse(readFileSync(file, 'utf8'));
            const problem = shardReportProblem(report);
            if (problem)
                throw new Error(problem);
            return { file, report: report, error: null };
        }
        catch (e) {
            return { file, report: null, error: e.message };
        }
    });
}
const problem = (code, message) => ({
    code,
    severity: 'block',
    message,
    source: 'shard'
});
/**
 * `expectedTotal` comes from the shard reports themselves unless the merge job is told. `config` is the
 * merge job's policy, used to read the sections of shard reports that carry no findings (schema 1) and
 * to check that a shard's findings account for what its sections show.
 */
function mergeReports(shards, expectedTotal = null, config = parseConfig(() => '', 'action'), capabilities = CAPABILITIES) {
    const problems = [];
    for (const s of shards)
        if (s.error)
            problems.push(problem('shard-unreadable', `shard report ${s.file} could not be read: ${s.error}`));
    const reports = shards.flatMap(s => (s.report ? [s.report] : []));
    const totals = new Set(reports.map(r => r.shard.total));
    const total = expectedTotal ?? Math.max(0, ...totals);
    if (totals.size > 1)
        problems.push(problem('shard-mismatch', `shard reports disagree on the number of shards (${[...totals].join(', ')})`));
    const byIndex = new Map();
    for (const r of reports) {
        if (byIndex.has(r.shard.index))
            problems.push(problem('shard-duplicate', `shard ${r.shard.index}/${total} was reported twice`));
        byIndex.set(r.shard.index, r);
    }
    const missing = [];
    for (let i = 1; i <= total; i++)
        if (!byIndex.has(i))
            missing.push(i);
    for (const i of missing)
        problems.push(problem('shard-missing', `shard ${i}/${total} did not report; its crates were not gated`));
    if (total === 0)
        problems.push(problem('shard-missing', 'no shard reports were found'));
    const ordered = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, r]) => r);
    const findings = [...problems];
    const failed = [];
    // What does not block is often the same in every shard (the policy, the dependencies): a finding an
    // earlier shard reported, every field alike, is listed once. Blocking ones name their shard.
    const seen = new Set();
    for (const r of ordered) {
        const own = shardFindings(r, config, capabilities);
        if (own.some(f => f.severity === 'block'))
            failed.push(r.shard.index);
        const shard = `shard ${r.shard.index}/${total}: `;
        const fresh = own.filter(f => f.severity === 'block' || !seen.has(identity(f)));
        for (const f of own)
            seen.add(identity(f));
        for (const f of fresh)
            findings.push(f.severity === 'block'
                ? {
                    ...f,
                    message: shard + f.message,
                    ...(f.summary !== undefined ? { summary: shard + f.summary } : {})
                }
                : f);
    }
    const first = ordered[0];
    const body = {
        ...blankReport(first?.workspace ?? { root: '', members: [], msrv: null, toolchain: null, requestedToolchain: null }, [], capabilities),
        ...mergeCore(ordered)
    };
    for (const c of capabilities)
        if (c.merge)
            Object.assign(body, c.merge(ordered, config));
    return {
        ...body,
        shard: {
            index: 0,
            total,
            members: ordered.flatMap(r => r.shard.members).sort(),
            merged: { shards: ordered.map(r => r.shard.index), missing, failed }
        },
        findings,
        verdict: foldVerdict(findings)
    };
}
/** A finding's every field: two findings alike in all of them are the same finding. */
function identity(f) {
    return JSON.stringify([
        f.code,
        f.severity,
        f.source,
        f.crate ?? null,
        f.version ?? null,
        f.location ?? null,
        f.message
    ]);
}
/**
 * A shard's findings: those it recorded (schema 2), plus any blocking finding its sections show that
 * it did not record at all (a report saying stable beside 3 compile errors is not believed); for a
 * schema-1 report, the findings its sections show under the merge job's policy.
 */
function shardFindings(r, config, capabilities) {
    const derived = deriveFindings({ ...r, findings: r.findings ?? [] }, config, capabilities);
    if (r.schemaVersion === 1 || !Array.isArray(r.findings))
        return derived;
    const recorded = new Set(r.findings.map(f => f.code));
    const unrecorded = derived.filter(f => f.severity === 'block' && !recorded.has(f.code));
    const note = " (the shard's report did not record this)";
    return [
        ...r.findings,
        ...unrecorded.map(f => ({
            ...f,
            message: f.message + note,
            ...(f.summary !== undefined ? { summary: f.summary + note } : {})
        }))
    ];
}
/** The core's sections across shards: crates listed once each, diagnostics and phases added up. */
function mergeCore(shards) {
    const diagnostics = shards.map(r => r.diagnostics);
    const sum = (xs, f) => xs.reduce((n, x) => n + f(x), 0);
    return {
        crates: shards.flatMap(r => r.crates).sort((a, b) => byCodeUnit(a.name, b.name)),
        diagnostics: {
            errors: sum(diagnostics, d => d.errors),
            warnings: sum(diagnostics, d => d.warnings),
            items: diagnostics
                .flatMap(d => d.items)
                .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)),
            omitted: sum(diagnostics, d => d.omitted),
            // Dependencies are built in every shard: their warnings are the same, not additive.
            dependencyWarnings: Math.max(0, ...diagnostics.map(d => d.dependencyWarnings)),
            dependencyErrors: diagnostics.flatMap(d => d.dependencyErrors).slice(0, 20),
            // Shards gate disjoint crates; a shard of an older release contributes no identities.
            ...(diagnostics.every(d => d.warningSet)
                ? { warningSet: unionSets(diagnostics.map(d => d.warningSet)) }
                : {})
        },
        phases: mergePhases(shards.flatMap(r => r.phases))
    };
}
/** One line per phase: times and unit counts add up over the shards. */
function mergePhases(phases) {
    const out = new Map();
    for (const p of phases) {
        const m = out.get(p.name);
        if (!m) {
            out.set(p.name, structuredClone(p));
            continue;
        }
        m.wallSeconds += p.wallSeconds;
        m.cpuSeconds = m.cpuSeconds === null || p.cpuSeconds === null ? null : m.cpuSeconds + p.cpuSeconds;
        for (const side of ['workspace', 'dependencies']) {
            m.units[side].compiled += p.units[side].compiled;
            m.units[side].fresh += p.units[side].fresh;
        }
        m.exitCode = m.exitCode === 0 ? p.exitCode : m.exitCode;
        m.failure = m.failure ?? p.failure;
        m.cargoErrors.push(...p.cargoErrors);
    }
    return [...out.values()];
}

// mode: merge — find the shard reports (downloaded artifacts) and merge them.
async function mergeShardReports(pattern, config) {
    // Relative to the job's working directory, where download-artifact put the reports.
    const files = (await glob(pattern, { absolute: true, onlyFiles: true, expandDirectories: false })).sort();
    return mergeReports(readShardReports(files), null, config);
}

export { mergeShardReports };
