import type { CaseView } from '../../core/view.js';
import { type AcElement, container, textBlock } from './elements.js';
import { escapeMarkdown, escapeTruncated } from './escape.js';

/** What the customer said first and, when a self-service bot handed over, its summary. */
export function renderIntake(view: CaseView): AcElement[] {
  const out: AcElement[] = [];
  if (view.preview) {
    out.push(
      container(
        [
          textBlock(escapeMarkdown(`${view.customer?.name ?? 'Customer'} wrote:`), { size: 'small', isSubtle: true }),
          textBlock(`“${escapeTruncated(view.preview, 600)}”`, { id: 'intake-preview-text', spacing: 'none' }),
        ],
        { id: 'intake-preview', style: 'emphasis', spacing: 'small' },
      ),
    );
  }
  if (view.escalationSummary) {
    const from = view.escalationBot ? `Handed over by ${view.escalationBot}` : 'Handed over by a self-service bot';
    out.push(
      container(
        [
          textBlock(escapeMarkdown(from), { size: 'small', isSubtle: true }),
          textBlock(escapeTruncated(view.escalationSummary, 1200), {
            id: 'escalation-summary-text',
            spacing: 'none',
          }),
        ],
        { id: 'escalation-summary', style: 'emphasis', spacing: 'small' },
      ),
    );
  }
  return out;
}
