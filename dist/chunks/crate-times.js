import { spawn } from 'node:child_process';
import { readFileSync, accessSync, constants, chmodSync, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';

// The only place that starts processes. argv arrays, never a shell.
// node:child_process directly rather than @actions/exec: we need the signal name of a killed cargo,
// UTF-8 decoding across chunk boundaries, and per-line streaming without buffering the output.
async function runProcess(program, args, options) {
    const startWall = process.hrtime.bigint();
    const startCpu = childrenCpuSeconds();
    const child = spawn(program, args, {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
        shell: false,
        windowsHide: true,
        // Its own process group, so a timeout also kills what it started (test binaries under cargo).
        detached: options.timeoutSeconds !== undefined && process.platform !== 'win32'
    });
    let timedOut = false;
    const timer = options.timeoutSeconds === undefined
        ? null
        : setTimeout(() => {
            timedOut = true;
            killGroup(child.pid);
        }, options.timeoutSeconds * 1000);
    const stdoutDone = pipeLines(child.stdout, options.onStdoutLine);
    const stderrDone = pipeLines(child.stderr, options.onStderrLine);
    const exit = await new Promise(resolve => {
        child.once('error', err => resolve({ code: null, signal: null, error: err.message }));
        child.once('close', (code, signal) => resolve({ code, signal, error: null }));
        // Killed on timeout: do not wait for pipes some escaped descendant may still hold.
        child.once('exit', (code, signal) => void (timedOut && resolve({ code, signal, error: null })));
    });
    if (timer)
        clearTimeout(timer);
    // A grandchild that kept the pipes open would hold the streams; after a kill they are not waited for.
    if (!timedOut)
        await Promise.all([stdoutDone, stderrDone]);
    const endCpu = childrenCpuSeconds();
    return {
        exitCode: exit.code,
        signal: exit.signal,
        spawnError: exit.error,
        wallSeconds: Number(process.hrtime.bigint() - startWall) / 1e9,
        cpuSeconds: startCpu === null || endCpu === null ? null : round(endCpu - startCpu),
        ...(timedOut ? { timedOut } : {})
    };
}
function killGroup(pid) {
    if (pid === undefined)
        return;
    try {
        process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
    }
    catch {
        // Already gone.
    }
}
function pipeLines(stream, onLine) {
    if (!stream)
        return Promise.resolve();
    if (!onLine) {
        stream.resume();
        return new Promise(resolve => stream.once('end', () => resolve()));
    }
    const rl = createInterface({ input: stream, crlfDelay: Infinity });
    rl.on('line', onLine);
    return new Promise(resolve => rl.once('close', () => resolve()));
}
/**
 * cutime + cstime of this process from /proc/self/stat: the CPU of every child reaped so far,
 * including their own reaped children (rustc under cargo). Exact to the clock tick (10 ms).
 * Valid because the gate runs one cargo at a time.
 */
function childrenCpuSeconds() {
    try {
        const stat = readFileSync('/proc/self/stat', 'utf8');
        // Fields after the command name, which may contain spaces, start after the last ')'.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const cutime = Number(fields[13]);
        const cstime = Number(fields[14]);
        if (!Number.isFinite(cutime) || !Number.isFinite(cstime))
            return null;
        return (cutime + cstime) / CLOCK_TICKS;
    }
    catch {
        return null;
    }
}
// sysconf(_SC_CLK_TCK) is 100 on every Linux that GitHub runs and on practically all others.
const CLOCK_TICKS = 100;
function round(n) {
    return Math.round(n * 1000) / 1000;
}

// Per-crate compile times written by the rustc wrapper (one JSON line per rustc run of a workspace
// crate), and how the pipeline switches the wrapper on.
const TIMINGS_FILE_ENV = 'BUILD_GATE_TIMINGS_FILE';
/**
 * Environment for the cargo phases: cargo runs the wrapper in front of rustc for workspace members only.
 * cargo executes the script itself (shebang), so it must be executable; a checkout may have lost the bit.
 */
function crateTimesEnv(file, wrapperScript) {
    try {
        accessSync(wrapperScript, constants.X_OK);
    }
    catch {
        chmodSync(wrapperScript, 0o755);
    }
    return { RUSTC_WORKSPACE_WRAPPER: wrapperScript, [TIMINGS_FILE_ENV]: file };
}
/** Every line of the file; a missing file means no workspace crate was compiled. */
function readCrateTimes(file) {
    if (!existsSync(file))
        return [];
    const out = [];
    for (const [i, line] of readFileSync(file, 'utf8').split('\n').entries()) {
        if (line.trim() === '')
            continue;
        let v;
        try {
            v = JSON.parse(line);
        }
        catch {
            throw new Error(`${file} line ${i + 1} is not JSON (${line.slice(0, 80)}); delete the file and rerun.`);
        }
        const t = v;
        if (typeof t.crate !== 'string' || typeof t.kind !== 'string' || typeof t.seconds !== 'number')
            throw new Error(`${file} line ${i + 1} is not a crate timing ({crate, kind, seconds, cpuSeconds}).`);
        out.push({
            crate: t.crate,
            kind: t.kind,
            seconds: t.seconds,
            cpuSeconds: typeof t.cpuSeconds === 'number' ? t.cpuSeconds : null
        });
    }
    return out;
}
/** Seconds per crate over all its rustc runs, in the chosen metric (CPU falls back to wall where unknown). */
function totalsByCrate(times, metric) {
    const totals = new Map();
    for (const t of times) {
        const s = metric === 'cpu' ? (t.cpuSeconds ?? t.seconds) : t.seconds;
        totals.set(t.crate, (totals.get(t.crate) ?? 0) + s);
    }
    return totals;
}

export { TIMINGS_FILE_ENV as T, readCrateTimes as a, childrenCpuSeconds as b, crateTimesEnv as c, runProcess as r, totalsByCrate as t };
