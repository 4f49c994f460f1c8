class GateError extends Error {
    kind;
    input;
    constructor(kind, message, 
    /** The input (action input / CLI flag) to change, when one is to blame. */
    input = null) {
        super(message);
        this.kind = kind;
        this.input = input;
        this.name = 'GateError';
    }
}
function isGateError(e, kind) {
    return e instanceof GateError && (kind === undefined || e.kind === kind);
}
/** The plain message of anything thrown. */
function errorMessage(e) {
    return e instanceof Error ? e.message : String(e);
}

// Splits an argument string into argv the way a user expects from a shell, without a shell:
// whitespace separates, single and double quotes group, backslash escapes. Nothing is expanded.
function splitArgs(input) {
    const out = [];
    let current = '';
    let inToken = false;
    let quote = null;
    for (let i = 0; i < input.length; i++) {
        const c = input[i];
        if (quote) {
            if (c === quote)
                quote = null;
            else if (c === '\\' && quote === '"' && i + 1 < input.length)
                current += input[++i];
            else
                current += c;
        }
        else if (c === '"' || c === "'") {
            quote = c;
            inToken = true;
        }
        else if (c === '\\' && i + 1 < input.length) {
            current += input[++i];
            inToken = true;
        }
        else if (/\s/.test(c)) {
            if (inToken)
                out.push(current);
            current = '';
            inToken = false;
        }
        else {
            current += c;
            inToken = true;
        }
    }
    if (quote)
        throw new Error(`unclosed ${quote} quote in '${input}'.`);
    if (inToken)
        out.push(current);
    return out;
}

// One input: its name, default and description (action.yml and the CLI flags are checked against the
// table built from these), and the parsers every capability reads its inputs with.
/** A GateError of kind `input`, naming the input and the fix. */
class ConfigError extends GateError {
    constructor(input, message) {
        super('input', `Input '${input}': ${message}`, input);
        this.name = 'ConfigError';
    }
}
const TRUE = ['true', 'True', 'TRUE', 'yes', 'on', '1'];
const FALSE = ['false', 'False', 'FALSE', 'no', 'off', '0'];
function inputParsers(read, defaultFor) {
    const raw = (name) => {
        const v = read(name).trim();
        return v === '' ? defaultFor(name) : v;
    };
    return {
        raw,
        given: name => read(name).trim() !== '',
        optional: name => raw(name) || null,
        bool: name => {
            const v = raw(name);
            if (TRUE.includes(v))
                return true;
            if (FALSE.includes(v))
                return false;
            throw new ConfigError(name, `'${v}' is not a boolean; use true or false.`);
        },
        oneOf: (name, allowed) => {
            const v = raw(name);
            if (allowed.includes(v))
                return v;
            throw new ConfigError(name, `'${v}' is not allowed; use one of ${allowed.join(', ')}.`);
        },
        number: (name, min, integer) => {
            const v = raw(name);
            const n = Number(v);
            if (v === '' || !Number.isFinite(n) || n < min || (integer && !Number.isInteger(n)))
                throw new ConfigError(name, `'${v}' must be ${integer ? 'a whole number' : 'a number'} ≥ ${min}.`);
            return n;
        },
        args: name => {
            try {
                return splitArgs(raw(name));
            }
            catch (e) {
                throw new ConfigError(name, e.message);
            }
        },
        names: name => nameList(raw(name))
    };
}
/** Crate names from a comma/newline separated input. */
function nameList(v) {
    return [
        ...new Set(v
            .split(/[,\n]/)
            .map(s => s.trim())
            .filter(Boolean))
    ];
}

// git check-ref-format rules for a branch (refs/heads/<name>), plus `HEAD` and a leading '-', which
// `git branch` refuses on top of them (a lone '@' is fine under refs/heads/). Checked up front: GitHub
// answers a bad ref with an unhelpful 422 mid-run.
function branchNameProblem(name) {
    if (name === '')
        return 'is empty';
    if (name === 'HEAD')
        return "is 'HEAD', which git reserves";
    if (name.startsWith('-'))
        return "starts with '-'";
    if (name.startsWith('/') || name.endsWith('/'))
        return "starts or ends with '/'";
    if (name.includes('//'))
        return "contains '//'";
    if (name.endsWith('.'))
        return "ends with '.'";
    if (name.includes('..'))
        return "contains '..'";
    if (name.includes('@{'))
        return "contains '@{'";
    // eslint-disable-next-line no-control-regex
    const bad = /[\x00-\x20\x7f~^:?*[\\]/.exec(name);
    if (bad)
        return `contains ${bad[0] === ' ' ? 'a space' : bad[0] < ' ' || bad[0] === '\x7f' ? 'a control character' : `'${bad[0]}'`}`;
    for (const part of name.split('/')) {
        if (part.startsWith('.'))
            return `has a component starting with '.' (${part})`;
        if (part.endsWith('.lock'))
            return `has a component ending with '.lock' (${part})`;
    }
    return null;
}
/** A branch an input names (null: none), refused with the input's error when git would refuse it. */
function assertBranchInput(input, name) {
    const why = name === null ? null : branchNameProblem(name);
    if (why)
        throw new ConfigError(input, `branch '${name}' ${why}, so git would refuse it; give a valid branch name.`);
}

/** GitHub refuses label names over 50 characters. */
const MAX_LABEL_LENGTH = 50;
/** A label GitHub cannot hold or the `labels=` filter cannot find; null when fine. */
function labelProblem(label) {
    if (label.includes(','))
        return `'${label}' contains a comma, which splits GitHub's labels= filter`;
    if (label.length > MAX_LABEL_LENGTH)
        return `'${label}' is ${label.length} characters; GitHub allows ${MAX_LABEL_LENGTH}`;
    return null;
}
/** The roadmap inputs that can be judged before anything runs; throws the input's error. */
function checkRoadmapInputs(c) {
    assertBranchInput('base-branch', c.baseBranch);
    if (!c.workstreams)
        return;
    for (const [input, label] of [
        ['ready-label', c.readyLabel],
        ['blocked-label', c.blockedLabel]
    ]) {
        const why = labelProblem(label);
        if (why)
            throw new ConfigError(input, `${why}; choose another label.`);
    }
    if (c.workstreamLabelPrefix.includes(','))
        throw new ConfigError('workstream-label-prefix', `'${c.workstreamLabelPrefix}' contains a comma, which splits GitHub's labels= filter; choose another prefix.`);
    if (c.readyLabel.toLowerCase() === c.blockedLabel.toLowerCase())
        throw new ConfigError('blocked-label', `'${c.blockedLabel}' is also the ready-label (GitHub compares labels without case); a workstream could not be both, so give the two different names.`);
}
function validatePlan(workstreams, options = {}) {
    const problems = [];
    const prefix = options.labelPrefix ?? '';
    for (const ws of workstreams) {
        const why = labelProblem(prefix + ws.name);
        if (why)
            problems.push({
                ...at(ws),
                message: `its label ${why}; shorten or rename the workstream${prefix ? ` (or workstream-label-prefix '${prefix}')` : ''}`
            });
    }
    const gate = options.gateWorkstream;
    if (gate && workstreams.length && !workstreams.some(w => w.name === gate))
        problems.push({
            file: "input 'gate-workstream'",
            key: '',
            message: `'${gate}' is not a workstream of the plan (${workstreams.map(w => w.name).join(', ')}); set gate-workstream to the workstream this build gate stands for`
        });
    const byName = new Map();
    const byBranch = new Map();
    for (const ws of workstreams) {
        const first = byName.get(ws.name);
        if (first)
            problems.push({
                ...at(ws),
                message: `duplicate workstream '${ws.name}' (also in ${first.source.file}); names must be unique`
            });
        else
            byName.set(ws.name, ws);
        if (ws.branch === null)
            continue;
        const bad = branchNameProblem(ws.branch);
        if (bad)
            problems.push({ ...at(ws, 'branch'), message: `branch '${ws.branch}' ${bad}, so git would refuse it` });
        const other = byBranch.get(ws.branch);
        if (other && other.name !== ws.name)
            problems.push({
                ...at(ws, 'branch'),
                message: `branch '${ws.branch}' is also the branch of '${other.name}'`
            });
        else
            byBranch.set(ws.branch, ws);
    }
    for (const ws of workstreams)
        for (const kind of ['required', 'optional'])
            ws[kind].forEach((d, i) => {
                if (!byName.has(d.name))
                    problems.push({
                        file: ws.source.file,
                        key: depKey(ws, kind, i),
                        message: `'${ws.name}' depends on unknown workstream '${d.name}'${suggest(d.name, [...byName.keys()])}`
                    });
            });
    const cycle = findCycle(workstreams);
    if (cycle) {
        const ws = byName.get(cycle[0]);
        problems.push({
            ...at(ws, 'required'),
            message: `required dependencies form a cycle: ${cycle.join(' → ')}`
        });
    }
    return problems;
}
/** The first cycle among required dependencies, as names with the first repeated at the end. */
function findCycle(workstreams) {
    const deps = new Map(workstreams.map(w => [w.name, w.required.map(d => d.name)]));
    const done = new Set();
    const stack = [];
    const visit = (name) => {
        const open = stack.indexOf(name);
        if (open >= 0)
            return [...stack.slice(open), name];
        if (done.has(name) || !deps.has(name))
            return null;
        stack.push(name);
        for (const d of deps.get(name)) {
            const found = visit(d);
            if (found)
                return found;
        }
        stack.pop();
        done.add(name);
        return null;
    };
    for (const w of workstreams) {
        const found = visit(w.name);
        if (found)
            return found;
    }
    return null;
}
function at(ws, field) {
    if (!field)
        return ws.source;
    const toka = ws.source.key === 'metadata.name';
    const key = field === 'branch' ? 'metadata.branch' : 'dependencies.required';
    return {
        file: ws.source.file,
        key: toka ? key : ws.source.key.replace(/name$/, field === 'branch' ? 'branch' : 'depends_on')
    };
}
function depKey(ws, kind, i) {
    if (ws.source.key === 'metadata.name')
        return `dependencies.${kind}[${i}]`;
    return ws.source.key.replace(/name$/, `${kind === 'required' ? 'depends_on' : 'optional'}[${i}]`);
}
function suggest(name, known) {
    const close = known.find(k => k.includes(name) || name.includes(k));
    return close ? ` (did you mean '${close}'?)` : '; add its file or fix the name';
}

export { ConfigError as C, GateError as G, assertBranchInput as a, inputParsers as b, checkRoadmapInputs as c, errorMessage as e, isGateError as i, nameList as n, validatePlan as v };
