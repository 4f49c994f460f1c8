// What a request is, in words a user can act on: "listing labels of acme/ledger", and which permission
// of the workflow's token it needs. Keyed by Octokit's route template (method + url with {params}).
const R = '/repos/{owner}/{repo}';
const DESCRIBE = {
    [`GET ${R}`]: (_p, repo) => `reading repository ${repo}`,
    [`GET ${R}/labels`]: (_p, repo) => `listing labels of ${repo}`,
    [`GET ${R}/labels/{name}`]: (p, repo) => `reading label '${str(p.name)}' of ${repo}`,
    [`POST ${R}/labels`]: (p, repo) => `creating label '${str(p.name)}' in ${repo}`,
    [`GET ${R}/issues`]: (p, repo) => p.labels ? `listing issues labelled '${str(p.labels)}' in ${repo}` : `listing issues of ${repo}`,
    [`POST ${R}/issues`]: (p, repo) => `creating issue "${str(p.title)}" in ${repo}`,
    [`PATCH ${R}/issues/{issue_number}`]: (p, repo) => `editing issue #${str(p.issue_number)} of ${repo}`,
    [`POST ${R}/issues/{issue_number}/labels`]: (p, repo) => `adding label '${list(p.labels)}' to #${str(p.issue_number)} of ${repo}`,
    [`DELETE ${R}/issues/{issue_number}/labels/{name}`]: (p, repo) => `removing label '${str(p.name)}' from #${str(p.issue_number)} of ${repo}`,
    [`GET ${R}/issues/{issue_number}/comments`]: (p, repo) => `listing comments of #${str(p.issue_number)} of ${repo}`,
    [`POST ${R}/issues/{issue_number}/comments`]: (p, repo) => `commenting on #${str(p.issue_number)} of ${repo}`,
    [`PATCH ${R}/issues/comments/{comment_id}`]: (p, repo) => `editing comment ${str(p.comment_id)} in ${repo}`,
    [`DELETE ${R}/issues/comments/{comment_id}`]: (p, repo) => `deleting comment ${str(p.comment_id)} in ${repo}`,
    [`GET ${R}/git/ref/{ref}`]: (p, repo) => `reading ${refName(p.ref)} of ${repo}`,
    [`POST ${R}/git/refs`]: (p, repo) => `creating ${refName(p.ref)} in ${repo}`,
    [`POST ${R}/dispatches`]: (p, repo) => `sending repository_dispatch '${str(p.event_type)}' to ${repo}`,
    [`GET ${R}/contents/{path}`]: (p, repo) => `reading ${str(p.path)}${p.ref ? ` on branch ${str(p.ref)}` : ''} of ${repo}`,
    [`PUT ${R}/contents/{path}`]: (p, repo) => `writing ${str(p.path)}${p.branch ? ` on branch ${str(p.branch)}` : ''} of ${repo}`
};
/** The permission (`permissions:` key of the workflow) a request needs, by the kind of resource. */
function permissionFor(o) {
    const write = o.method !== 'GET';
    const level = write ? 'write' : 'read';
    if (/\/(contents|git)\//.test(o.url) || o.url.endsWith('/dispatches'))
        return `contents: ${level}`;
    if (/\/issues\/\{issue_number\}\/comments$/.test(o.url) || /\/issues\/comments\//.test(o.url))
        return `issues: ${level} (pull-requests: ${level} for a pull request)`;
    if (/\/(issues|labels)/.test(o.url))
        return `issues: ${level}`;
    return `contents: ${level}`;
}
function describeRequest(o) {
    const repo = o.owner && o.repo ? `${str(o.owner)}/${str(o.repo)}` : 'the repository';
    const key = `${o.method} ${o.url}`;
    const describe = DESCRIBE[key];
    if (describe)
        return describe(o, repo);
    const m = matchRoute(o, Object.keys(DESCRIBE));
    if (!m)
        return `${o.method} ${pathOf(o.url)}`;
    const page = m.params.page;
    return `${DESCRIBE[m.route](m.params, `${str(m.params.owner)}/${str(m.params.repo)}`)}${page && page !== '1' ? ` (page ${page})` : ''}`;
}
/**
 * Which of `routes` (Octokit route templates, "GET /repos/{owner}/{repo}/labels") a request is, with
 * its parameters: given as a template, or as the absolute URL of a followed pagination link.
 */
function matchRoute(o, routes) {
    const key = `${o.method} ${o.url}`;
    if (routes.includes(key))
        return { route: key, params: o };
    const url = pathOf(o.url);
    for (const route of routes) {
        const [method, template] = route.split(' ');
        const m = method === o.method ? matchTemplate(template, url) : null;
        if (!m)
            continue;
        const query = new URL(o.url, 'http://x').searchParams;
        return { route, params: { ...Object.fromEntries(query), ...m } };
    }
    return null;
}
function matchTemplate(template, path) {
    const names = [];
    const source = template.replace(/\{(\w+)\}/g, (_m, n) => {
        names.push(n);
        return n === 'path' || n === 'ref' ? '(.+)' : '([^/]+)';
    });
    const m = new RegExp(`^${source}$`).exec(path);
    if (!m)
        return null;
    return Object.fromEntries(names.map((n, i) => [n, safeDecode(m[i + 1])]));
}
function pathOf(url) {
    try {
        return new URL(url, 'http://x').pathname.replace(/^\/api\/v3/, '');
    }
    catch {
        return url;
    }
}
function safeDecode(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return s;
    }
}
function refName(ref) {
    const r = str(ref);
    return r.replace(/^refs\//, '').startsWith('heads/')
        ? `branch '${r.replace(/^(refs\/)?heads\//, '')}'`
        : `ref '${r}'`;
}
const str = (v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '?');
const list = (v) => (Array.isArray(v) ? v.map(str).join("', '") : str(v));

// Every failed GitHub request becomes one sentence: what was asked, what GitHub answered (status and
// its short message, never an HTML page or a raw JSON body) and what to check.
class GitHubRequestError extends Error {
    status;
    ambiguous;
    gitHubMessage;
    constructor(message, 
    /** HTTP status; 0 when GitHub could not be reached or its answer could not be read. */
    status, 
    /** Whether the request may have been applied although it failed (a 5xx or a dropped connection). */
    ambiguous, gitHubMessage, options) {
        super(message, options);
        this.status = status;
        this.ambiguous = ambiguous;
        this.gitHubMessage = gitHubMessage;
        this.name = 'GitHubRequestError';
    }
}
function namedError(options, e, apiUrl, timeoutSeconds) {
    const what = describeRequest(options);
    const err = (e ?? {});
    // @octokit/request reports a network failure as status 500 without a response.
    const reached = !!err.response;
    const status = reached && typeof err.status === 'number' ? err.status : 0;
    const said = reached ? gitHubMessage(err.response?.data) : null;
    if (!reached) {
        const cause = networkCause(err, timeoutSeconds);
        return new GitHubRequestError(`GitHub ${what} failed: could not reach ${apiUrl} (${cause}); check GITHUB_API_URL and the runner's network, or retry later`, 0, true, null, { cause: e });
    }
    return new GitHubRequestError(`GitHub ${what} failed: HTTP ${status}${said ? ` (${said})` : ''}; ${hint(status, options)}`, status, status >= 500, said, { cause: e });
}
/**
 * A 2xx whose body is not the JSON the route returns (a proxy's page, a truncated answer), or lacks what
 * GitHub always sends (answers.ts). A write answered so may have been applied.
 */
function unreadableAnswer(options, status, data, problem) {
    const kind = data === null
        ? 'JSON null'
        : typeof data === 'string' && data.trim() !== ''
            ? /^\s*</.test(data)
                ? 'an HTML page'
                : 'text that is not JSON'
            : 'no body';
    return new GitHubRequestError(`GitHub ${describeRequest(options)} failed: HTTP ${status} ${problem ?? `with ${kind} instead of JSON`}; check GITHUB_API_URL points at the GitHub API (not a web page or a proxy)`, 0, options.method !== 'GET', null);
}
function rateLimitTooLong(options, waitSeconds, capSeconds) {
    return new GitHubRequestError(`GitHub asked to wait ${waitSeconds} s (rate limit) on ${describeRequest(options)}; more than the ${capSeconds} s allowed. Rerun later, or lower the number of runs sharing this token`, 429, false, null);
}
function hint(status, o) {
    if (status === 401)
        return 'the github-token is missing, expired or invalid';
    if (status === 403)
        return `check that the token may do this: the workflow needs \`permissions: ${permissionFor(o)}\` (a fork's pull request gets a read-only token)`;
    if (status === 404)
        return `check the repository and names; a token that cannot see the repository also gets 404 (\`permissions: ${permissionFor({ ...o, method: 'GET' })}\`)`;
    if (status === 409 || status === 422)
        return 'GitHub refused the change as it stands; see its message';
    if (status === 429)
        return 'rate limited; rerun later';
    if (status >= 500)
        return 'GitHub failed; retry later (https://www.githubstatus.com)';
    return 'see GitHub’s message';
}
/** GitHub's own `message`, when it is a short line of text; never a page or a JSON dump. */
function gitHubMessage(data) {
    const m = data?.message;
    if (typeof m !== 'string')
        return null;
    const line = m.replace(/\s+/g, ' ').trim();
    if (!line || line.length > 300 || /[<>{}]/.test(line))
        return null;
    return line;
}
function networkCause(err, timeoutSeconds) {
    const codes = [];
    for (let c = err.cause ?? err, depth = 0; c && depth < 5; c = c.cause, depth++) {
        if (c.name === 'TimeoutError')
            return `no answer within ${timeoutSeconds} s`;
        const code = c.code;
        if (typeof code === 'string')
            codes.push(code);
    }
    return codes[0] ?? (err.message && !/[<{]/.test(err.message) ? err.message.slice(0, 200) : 'no answer');
}

// Apart from client.ts, so that modules which write to GitHub do not load Octokit by importing it.
/** Per-request options of a write that must not be repeated blindly (see writes.ts). */
const NO_RETRY = { request: { retries: 0 } };

export { GitHubRequestError as G, NO_RETRY as N, describeRequest as d, matchRoute as m, namedError as n, rateLimitTooLong as r, unreadableAnswer as u };
