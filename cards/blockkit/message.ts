import type { CaseView } from '../../core/view.js';
import { AI_MARK, bannerText, cardTitle, isAiValue, pendingNoteText } from '../text.js';
import { renderBanners } from './banners.js';
import { renderButtons } from './buttons.js';
import { renderFields } from './fields.js';
import { renderHeader } from './header.js';
import { renderIntake } from './intake.js';
import { fitMrkdwn, LIMITS } from './limits.js';
import { type Block, mrkdwn, type SlackMessage } from './types.js';

/** The case message for `chat.postMessage` / `chat.update`: every state, within Slack's limits. */
export function renderBlockKit(view: CaseView): SlackMessage {
  const head = [
    ...renderHeader(view),
    ...renderBanners(view.banners),
    ...(view.kind === 'intake' ? renderIntake(view) : []),
  ];
  const tail: Block[] = [...renderButtons(view.actions, view.conversationId)];
  if (view.kind === 'case' && view.fields.some(isAiValue)) {
    tail.push({ type: 'context', block_id: 'legend', elements: [mrkdwn(`${AI_MARK} filled by AI`)] });
  }
  let middle: Block[] = [];
  if (view.kind === 'case') {
    middle = renderFields(view.fields, LIMITS.blocksPerMessage - head.length - tail.length);
  } else if (view.kind === 'pending') {
    middle = [pendingNote(view)];
  }
  return { text: fallbackText(view), blocks: [...head, ...middle, ...tail] };
}

function pendingNote(view: CaseView): Block {
  const text = pendingNoteText(view);
  return { type: 'context', block_id: 'pending_note', elements: [mrkdwn(fitMrkdwn(text, LIMITS.contextText))] };
}

function fallbackText(view: CaseView): string {
  const banner = view.banners[0];
  const text = banner ? `${cardTitle(view)}: ${bannerText(banner)}` : `${cardTitle(view)} (${view.stateLabel})`;
  return fitMrkdwn(text, LIMITS.messageText);
}
