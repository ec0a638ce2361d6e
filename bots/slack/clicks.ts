import { type Json, obj, str, teamOf } from './payloads.js';

const SHAPED = ['event', 'channel', 'container', 'message', 'user', 'team', 'view', 'enterprise', 'state'] as const;

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
  // Bolt reads these with `in` before any listener runs: a string there throws inside it, after our answer. Left to
  // Bolt's own request path, which answers such a body 400.
  if (SHAPED.some((key) => body[key] !== undefined && body[key] !== null && obj(body[key]) === null)) return null;
  const actions = body.actions;
  if (!Array.isArray(actions) || actions.length === 0) return null;
  const all = actions.every((a) => {
    const id = str(obj(a)?.action_id);
    return id !== null && ours.test(id);
  });
  return all ? body : null;
}
