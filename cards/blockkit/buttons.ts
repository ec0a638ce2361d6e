import type { CaseAction } from '../../core/view.js';
import { ACTION_LABEL, SLACK_ACTION_ID } from '../actions.js';
import { fitPlain, LIMITS } from './limits.js';
import { type Block, type BlockElement, plain } from './types.js';

const PRIMARY: ReadonlySet<CaseAction> = new Set(['accept', 'update', 'create']);
const CONFIRM: Partial<Record<CaseAction, string>> = {
  end: 'End this conversation and move it to wrap-up?',
  close: 'Close this conversation? The case can no longer be changed.',
  undo: 'Put back the values from before the last AI update?',
};

/** One button per allowed action; `value` is the conversation id, which is all an adapter needs. */
export function renderButtons(actions: CaseAction[], conversationId: string): Block[] {
  if (actions.length === 0) return [];
  if (conversationId.length > LIMITS.buttonValue) {
    // A truncated id would point at the wrong conversation; better to fail loudly in our own tests than in Slack.
    throw new Error('conversationId is longer than a Slack button value allows');
  }
  const elements: BlockElement[] = actions.slice(0, LIMITS.actionsElements).map((a) => {
    const button: BlockElement = {
      type: 'button',
      action_id: SLACK_ACTION_ID[a],
      text: plain(fitPlain(ACTION_LABEL[a], LIMITS.buttonText)),
      value: conversationId,
    };
    if (PRIMARY.has(a)) button.style = 'primary';
    if (a === 'end' || a === 'close') button.style = 'danger';
    const question = CONFIRM[a];
    if (question) {
      button.confirm = {
        title: plain(ACTION_LABEL[a]),
        text: plain(question),
        confirm: plain(ACTION_LABEL[a]),
        deny: plain('Cancel'),
      };
    }
    return button;
  });
  return [{ type: 'actions', block_id: 'case_actions', elements }];
}
