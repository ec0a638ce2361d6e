import type { CaseView } from '../../core/view.js';
import { cardTitle, metaLine } from '../text.js';
import { fitMrkdwn, fitPlain, LIMITS } from './limits.js';
import { type Block, mrkdwn, plain } from './types.js';

/** Header (title and case number) and a context line: state, agent, customer. */
export function renderHeader(view: CaseView): Block[] {
  return [
    { type: 'header', block_id: 'header', text: plain(fitPlain(cardTitle(view), LIMITS.headerText)) },
    {
      type: 'context',
      block_id: 'meta',
      elements: [mrkdwn(fitMrkdwn(metaLine(view), LIMITS.contextText))],
    },
  ];
}
