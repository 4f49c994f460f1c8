// Hidden HTML comments in bodies GitHub shows: they name what build-gate wrote (so a write that may
// have happened can be found again) and what it last announced (so nothing is announced twice or lost).

export const COMMENT_MARKER = '<!-- build-gate -->'

export function trackingMarker(workstream: string): string {
  return `<!-- build-gate:workstream=${workstream} -->`
}

export function hasTrackingMarker(body: string | null | undefined, workstream: string): boolean {
  return !!body?.includes(trackingMarker(workstream))
}

export type Announced = 'ready' | 'blocked'
const ANNOUNCED = /<!-- build-gate:announced=(ready|blocked|none) -->/

/** A new tracking issue: nothing announced yet, so its first state is announced even if a run dies first. */
export const NOTHING_ANNOUNCED = '<!-- build-gate:announced=none -->'

/**
 * The state the last successful repository_dispatch announced for this workstream: 'none'
 * when nothing was, null when the issue has no marker (made before markers, or by hand).
 */
export function announcedState(body: string | null | undefined): Announced | 'none' | null {
  const m = ANNOUNCED.exec(body ?? '')
  return m ? (m[1] as Announced | 'none') : null
}

/** The body with its announced-state marker set (replaced, or appended on its own line). */
export function withAnnounced(body: string | null, state: Announced): string {
  const marker = `<!-- build-gate:announced=${state} -->`
  const text = body ?? ''
  return ANNOUNCED.test(text) ? text.replace(ANNOUNCED, marker) : `${text}${text ? '\n\n' : ''}${marker}`
}
