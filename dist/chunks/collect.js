import { a as glob } from './glob.js';
import { readFileSync } from 'node:fs';
import { V as READABLE_SCHEMA_VERSIONS, C as CAPABILITIES, T as TOOL, S as SCHEMA_VERSION, n as foldVerdict, b as parseConfig, W as deriveFindings } from './verdict.js';
import 'fs';
import 'path';
import 'url';
import 'module';
import 'node:path';
import './validate.js';
import 'node:crypto';
import 'node:child_process';
import 'node:string_decoder';
import 'node:os';
import 'node:util';
import './errors.js';

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
// merged build unstable, naming the shard (fail closed).
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
    for (const r of ordered) {
        const own = shardFindings(r, config, capabilities);
        if (own.some(f => f.severity === 'block'))
            failed.push(r.shard.index);
        for (const f of own) {
            if (f.severity === 'block')
                findings.push({ ...f, message: `shard ${r.shard.index}/${total}: ${f.message}` });
            // What does not block is the same in every shard (dependencies, policy): listed once.
            else if (!findings.some(x => x.severity === f.severity && x.message === f.message))
                findings.push(f);
        }
    }
    const first = ordered[0];
    const body = {
        schemaVersion: SCHEMA_VERSION,
        tool: TOOL,
        generatedAt: new Date().toISOString(),
        workspace: first?.workspace ?? {
            root: '',
            members: [],
            msrv: null,
            toolchain: null,
            requestedToolchain: null
        },
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
        phases: []
    };
    for (const c of capabilities)
        if (c.merge)
            Object.assign(body, c.merge(ordered));
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
    return [
        ...r.findings,
        ...unrecorded.map(f => ({ ...f, message: `${f.message} (the shard's report did not record this)` }))
    ];
}

// mode: merge — find the shard reports (downloaded artifacts) and merge them.
async function mergeShardReports(pattern, config) {
    // Relative to the job's working directory, where download-artifact put the reports.
    const files = (await glob(pattern, { absolute: true, onlyFiles: true, expandDirectories: false })).sort();
    return mergeReports(readShardReports(files), null, config);
}

export { mergeShardReports };
