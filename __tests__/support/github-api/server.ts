// The HTTP adapter: authentication, fault injection, routing, JSON in and out, and the request log.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { defaultFaultBody, Faults, replacesAnswer, type Fault } from './faults.js'
import { ApiError, fail, type Method, type Reply, type Route } from './http.js'
import { compile, routes } from './routes/index.js'
import { RepoState } from './state.js'

export interface StartOptions {
  owner?: string
  repo?: string
  defaultBranch?: string
  /** Default page size when a request gives no per_page (GitHub: 30). */
  perPage?: number
  /** Token → permission. Without it every token may write; a missing token is always 401. */
  tokens?: Record<string, 'write' | 'read'>
}

export interface LoggedRequest {
  method: string
  /** Path with query string, e.g. /repos/o/r/labels?per_page=100&page=2 */
  path: string
  body: unknown
  /** 0 when the connection was dropped without an answer. */
  status: number
  /** When it was answered (Date.now()). */
  at: number
}

export interface GitHubApi {
  url: string
  state: RepoState
  requests: LoggedRequest[]
  /** Requests other than GET that a route answered with 2xx, i.e. that changed state (faults excluded). */
  writes(): number
  resetLog(): void
  fault(f: Fault): void
  close(): Promise<void>
}

const compiled = routes.map(compile)

export async function startGitHubApi(options: StartOptions = {}): Promise<GitHubApi> {
  const state = new RepoState(
    options.owner ?? 'octo-org',
    options.repo ?? 'octo-repo',
    options.defaultBranch ?? 'main'
  )
  const faults = new Faults()
  const requests: LoggedRequest[] = []
  let writes = 0
  let origin = ''
  // Pending fault delays, cleared on close so a never-answered request keeps nothing alive.
  const delays = new Set<NodeJS.Timeout>()

  const server = createServer((req, res) => {
    void handle(req, res)
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin)
    const method = (req.method ?? 'GET').toUpperCase()
    const raw = await readBody(req)
    let body: unknown = undefined
    let reply: Reply
    let fault: Fault | undefined
    try {
      body = parseJson(raw)
      fault = faults.take(method, url.pathname, url.search)
      const delay = fault?.delayMs
      if (delay) await new Promise(r => delays.add(setTimeout(r, delay)))
      if (fault?.gather) await faults.gathered(fault, delays)
      if (fault && replacesAnswer(fault) && !fault.afterApply) {
        reply = faultReply(fault)
      } else {
        reply = route(method, url, body)
        if (method !== 'GET' && reply.status < 300) writes++
        if (fault && replacesAnswer(fault)) reply = faultReply(fault)
        else if (fault?.headers) reply = { ...reply, headers: { ...reply.headers, ...fault.headers } }
      }
    } catch (e) {
      // A bug in a route must surface as GitHub's 500, not as a hung request.
      reply =
        e instanceof ApiError
          ? { status: e.status, body: e.body }
          : { status: 500, body: { message: String(e) } }
    }
    requests.push({
      method,
      path: url.pathname + url.search,
      body,
      status: fault?.reset ? 0 : reply.status,
      at: Date.now()
    })
    if (fault?.reset) {
      res.socket?.destroy()
      return
    }
    send(res, reply)

    function route(m: string, u: URL, parsed: unknown): Reply {
      const permission = authenticate(req.headers.authorization, options.tokens)
      for (const { route: r, pattern, names } of compiled) {
        if (r.method !== (m as Method)) continue
        const match = pattern.exec(u.pathname)
        if (!match) continue
        const params = Object.fromEntries(names.map((n, i) => [n, decode(match[i + 1])]))
        if (params.owner.toLowerCase() !== state.owner.toLowerCase()) fail(404, 'Not Found')
        if (params.repo.toLowerCase() !== state.repo.toLowerCase()) fail(404, 'Not Found')
        if (m !== 'GET' && permission === 'read') fail(403, 'Resource not accessible by integration')
        const fields = Array.isArray(parsed)
          ? { labels: parsed }
          : ((parsed ?? {}) as Record<string, unknown>)
        const reply = r.handle({
          state,
          params,
          query: u.searchParams,
          body: declaredOnly(fields, r),
          url: u,
          origin,
          perPage: options.perPage ?? 30,
          permission
        })
        // The route table is what the OpenAPI conformance test checks, so it must not lie.
        if (reply.status < 300 && !r.success.includes(reply.status)) {
          throw new Error(`${r.method} ${r.path} answered ${reply.status}, not declared in its success list`)
        }
        return reply
      }
      return fail(404, 'Not Found')
    }
  }

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: origin,
    state,
    requests,
    writes: () => writes,
    resetLog: () => {
      requests.length = 0
      writes = 0
    },
    fault: f => faults.add(f),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const t of delays) clearTimeout(t)
        server.close(e => (e ? reject(e) : resolve()))
        server.closeAllConnections()
      })
  }
}

/** The body as the handler sees it: reading a field the route does not declare in `reads` is a bug. */
function declaredOnly(body: Record<string, unknown>, route: Route): Record<string, unknown> {
  const allowed = new Set(route.reads ?? [])
  return new Proxy(body, {
    get(target, key) {
      if (typeof key === 'string' && !allowed.has(key)) {
        throw new Error(`${route.method} ${route.path} reads body field "${key}" missing from its reads list`)
      }
      return Reflect.get(target, key)
    }
  })
}

function authenticate(header: string | undefined, tokens: StartOptions['tokens']): 'write' | 'read' {
  const token = /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? '')?.[1]
  if (!token) return fail(401, 'Requires authentication')
  if (!tokens) return 'write'
  return tokens[token] ?? fail(401, 'Bad credentials')
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return fail(404, 'Not Found')
  }
}

function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined
  try {
    return JSON.parse(raw)
  } catch {
    return fail(400, 'Problems parsing JSON')
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

let requestId = 0

function faultReply(f: Fault): Reply {
  if (f.html !== undefined) return { status: f.status ?? 200, html: f.html, headers: f.headers }
  if (f.text !== undefined) return { status: f.status ?? 200, text: f.text, headers: f.headers }
  return { status: f.status ?? 500, body: f.body ?? defaultFaultBody(f), headers: f.headers }
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = {
    'x-github-request-id': `LOCAL:${(++requestId).toString(16).toUpperCase()}`,
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-used': '1',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core',
    ...(reply.headers ?? {})
  }
  if (reply.html !== undefined) {
    headers['content-type'] = 'text/html; charset=utf-8'
    res.writeHead(reply.status, headers).end(reply.html)
    return
  }
  if (reply.text !== undefined) {
    headers['content-type'] = 'application/json; charset=utf-8'
    res.writeHead(reply.status, headers).end(reply.text)
    return
  }
  if (reply.status === 204 || reply.body === undefined) {
    res.writeHead(reply.status, headers).end()
    return
  }
  headers['content-type'] = 'application/json; charset=utf-8'
  res.writeHead(reply.status, headers).end(JSON.stringify(reply.body))
}
