import { type Json, obj, str, teamOf } from './payloads.js';

const SHAPED = ['channel', 'container', 'message', 'user', 'team', 'view', 'enterprise', 'state'] as const;
/** Slack sends these as null (org-wide installs, workspaces outside Enterprise Grid), and Bolt reads them so. */
const NULLABLE = new Set<string>(['team', 'enterprise', 'container', 'message', 'view', 'state']);

/**
 * The payload of a form-encoded interaction when it is a `block_actions` click on our own actions only, from a named
 * workspace; otherwise null (malformed, someone else's action, another kind of interaction), and Bolt decides.
 */
export function ourClick(form: string, ours: RegExp): Json | null {
  const payload = new URLSearchParams(form).get('payload');
  if (!payload) return null;
  let body: Json | null;
  try {
    body = obj(JSON.parse(payload));
  } catch {
    return null;
  }
  if (body?.type !== 'block_actions' || !teamOf(body)) return null;
  // Bolt reads these before any listener runs (`body.user.id`, `body.channel.id`, `'channel' in body.event`): a body it
  // would throw on, after our answer, is left to Bolt's own request path, which answers it with an error status.
  if (body.event !== undefined || obj(body.user) === null) return null;
  if (
    SHAPED.some(
      (key) => body[key] !== undefined && obj(body[key]) === null && !(NULLABLE.has(key) && body[key] === null),
    )
  )
    return null;
  const actions = body.actions;
  if (!Array.isArray(actions) || actions.length === 0) return null;
  const all = actions.every((a) => {
    const id = str(obj(a)?.action_id);
    return id !== null && ours.test(id);
  });
  return all ? body : null;
}
