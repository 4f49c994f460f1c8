// Apart from client.ts, so that modules which write to GitHub do not load Octokit by importing it.

/** Per-request options of a write that must not be repeated blindly (see writes.ts). */
export const NO_RETRY = { request: { retries: 0 } } as const
