/**
 * Reading Slack payloads defensively: every field is checked before use, so an odd or hostile payload is ignored with
 * a log line instead of throwing somewhere deep.
 */
export type Json = Record<string, unknown>;

export function obj(value: unknown): Json | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
}

export function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Slack message timestamps (`1712345678.000100`) as a Date; null when it isn't one. */
export function tsToDate(ts: string | null): Date | null {
  if (!ts) return null;
  const seconds = Number(ts);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : null;
}

/** The workspace of an interaction payload (`team.id`, or the user's team for org-wide installs). */
export function teamOf(body: Json): string | null {
  return str(obj(body.team)?.id) ?? str(obj(body.user)?.team_id) ?? str(body.team_id);
}
