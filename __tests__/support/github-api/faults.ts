// Injected faults for the next `times` matching requests: an error status (5xx, 403, 429 with
// retry-after ...), latency, a dropped connection, a non-JSON page (a proxy's HTML), extra headers on
// the route's own answer, or any of these after the route has applied the request (a write that
// happened although the client saw it fail). A fault with a status below 400 and nothing else only
// delays (and adds its headers); the route then answers. `text` is a body labelled JSON that is not
// (an answer cut short by a proxy). `gather` lines concurrent runs up at one request.
export interface Fault {
  method?: string
  /** A string matches the request path exactly (no query); a RegExp is tested on path + query. */
  path?: RegExp | string
  status?: number
  /** How many matching requests it affects (default 1; Infinity for all). */
  times?: number
  headers?: Record<string, string>
  body?: unknown
  delayMs?: number
  /** Let the route apply the request first, then answer with the fault instead of the route's reply. */
  afterApply?: boolean
  /** Drop the connection without answering (ECONNRESET on the client). */
  reset?: boolean
  /** Answer `status` (default 200) with this text as text/html instead of JSON. */
  html?: string
  /** Answer `status` (default 200) with this text as the body, labelled application/json (a cut answer). */
  text?: string
  /**
   * Hold each matching request until this many have arrived, then let them all through: runs racing
   * at this very request (two runs listing the comments at once). Gives up waiting after 60 s.
   */
  gather?: number
  /** Let this many matching requests through untouched first (the second write to a file fails). */
  skip?: number
}

export class Faults {
  private readonly pending: { fault: Fault; left: number; skip: number }[] = []
  private readonly waiting = new Map<Fault, (() => void)[]>()

  add(fault: Fault): void {
    this.pending.push({ fault, left: fault.times ?? fault.gather ?? 1, skip: fault.skip ?? 0 })
  }

  /** Resolves once `fault.gather` requests wait here (or after 60 s: a run that never came). */
  gathered(fault: Fault, timers: Set<NodeJS.Timeout>): Promise<void> {
    const queue = this.waiting.get(fault) ?? []
    this.waiting.set(fault, queue)
    return new Promise(resolve => {
      queue.push(resolve)
      if (queue.length >= (fault.gather ?? 1)) for (const release of queue.splice(0)) release()
      else timers.add(setTimeout(resolve, 60_000))
    })
  }

  /** The first armed fault for this request, consuming one of its uses. */
  take(method: string, pathname: string, search: string): Fault | undefined {
    const entry = this.pending.find(({ fault, left }) => left > 0 && matches(fault, method, pathname, search))
    if (!entry) return undefined
    if (entry.skip > 0) {
      entry.skip--
      return undefined
    }
    entry.left--
    return entry.fault
  }
}

/** Whether the fault replaces the route's answer (otherwise it only delays or adds headers). */
export function replacesAnswer(f: Fault): boolean {
  return !!f.reset || f.html !== undefined || f.text !== undefined || (f.status ?? 0) >= 400
}

function matches(f: Fault, method: string, pathname: string, search: string): boolean {
  if (f.method && f.method.toUpperCase() !== method) return false
  if (typeof f.path === 'string') return f.path === pathname
  if (f.path instanceof RegExp) return f.path.test(pathname + search)
  return true
}

/** GitHub's body for the status when the fault gives none; throttling keys on "secondary rate limit". */
export function defaultFaultBody(f: Fault): unknown {
  const status = f.status ?? 200
  const secondary = status === 429 || (status === 403 && !!retryAfter(f))
  if (secondary) {
    return {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'
    }
  }
  if (status >= 500) return { message: 'Server Error' }
  return { message: status === 403 ? 'Forbidden' : 'Fault injected', status: String(status) }
}

function retryAfter(f: Fault): string | undefined {
  return Object.entries(f.headers ?? {}).find(([k]) => k.toLowerCase() === 'retry-after')?.[1]
}
