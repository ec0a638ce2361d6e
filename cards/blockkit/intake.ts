import type { CaseView } from '../../core/view.js';
import { fitMrkdwn } from './limits.js';
import { type Block, mrkdwn } from './types.js';

/** The customer's first words and a self-service bot's hand-over summary. */
export function renderIntake(view: CaseView): Block[] {
  const out: Block[] = [];
  if (view.preview) {
    const who = fitMrkdwn(view.customer?.name ?? 'Customer', 200);
    out.push({
      type: 'section',
      block_id: 'intake_preview',
      text: mrkdwn(`*${who} wrote:*\n>${fitMrkdwn(view.preview, 2_000).replace(/\n/g, '\n>')}`),
    });
  }
  if (view.escalationSummary) {
    const from = view.escalationBot ? `Handed over by ${fitMrkdwn(view.escalationBot, 200)}` : 'Handed over by a bot';
    out.push({
      type: 'section',
      block_id: 'escalation_summary',
      text: mrkdwn(`*${from}:*\n${fitMrkdwn(view.escalationSummary, 2_000)}`),
    });
  }
  return out;
}
