// Hidden HTML comments in bodies GitHub shows: they name what build-gate wrote (so a write that may
// have happened can be found again). Earlier releases also recorded in a tracking issue what they last
// announced; the ledger (ledger.ts) holds that now, and reads these markers while it has no file yet.

export const COMMENT_MARKER = '<!-- build-gate -->'

export function trackingMarker(workstream: string): string {
  return `<!-- build-gate:workstream=${workstream} -->`
}

export function hasTrackingMarker(body: string | null | undefined, workstream: string): boolean {
  return !!body?.includes(trackingMarker(workstream))
}

const ANNOUNCED = /<!-- build-gate:announced=(ready|blocked|none) -->/

/**
 * The state an earlier release's last successful repository_dispatch announced for this issue's
 * workstream: 'none' when nothing was, null when the issue has no marker.
 */
export function announcedState(body: string | null | undefined): 'ready' | 'blocked' | 'none' | null {
  const m = ANNOUNCED.exec(body ?? '')
  return m ? (m[1] as 'ready' | 'blocked' | 'none') : null
}
