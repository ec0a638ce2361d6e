import type { CaseAction } from '../../core/view.js';
import { ACTION_LABEL, ADAPTIVE_VERB, type AdaptiveActionData, type CaseActionName } from '../actions.js';
import type { AcAction } from './elements.js';

const PRIMARY: ReadonlySet<CaseActionName> = new Set(['accept', 'update', 'save', 'create']);
const DESTRUCTIVE: ReadonlySet<CaseActionName> = new Set(['end', 'close']);

/** An `Action.Execute` carrying the verb and `{ conversationId }`; inputs ride along only where the action needs them. */
export function executeAction(
  name: CaseActionName,
  conversationId: string,
  options: { withInputs?: boolean; intent?: 'create'; fields?: string[] } = {},
): AcAction {
  const data: AdaptiveActionData = { conversationId };
  if (options.intent) data.intent = options.intent;
  if (options.fields) data.fields = options.fields;
  const action: AcAction = {
    type: 'Action.Execute',
    id: `action-${name}`,
    title: ACTION_LABEL[name],
    verb: ADAPTIVE_VERB[name],
    data,
  };
  // Only Save reads the form; every other button must work even when an input is invalid or empty.
  if (!options.withInputs) action.associatedInputs = 'none';
  if (PRIMARY.has(name)) action.style = 'positive';
  else if (DESTRUCTIVE.has(name)) action.style = 'destructive';
  return action;
}

/** Buttons for exactly the actions the view allows, in its order. */
export function renderButtons(actions: CaseAction[], conversationId: string): AcAction[] {
  return actions.map((a) => executeAction(a, conversationId));
}
