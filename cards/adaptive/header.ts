import type { CaseView } from '../../core/view.js';
import { cardTitle, metaLine } from '../text.js';
import { type AcElement, column, columnSet, container, type TextColor, textBlock } from './elements.js';
import { escapeMarkdown, escapeTruncated } from './escape.js';

const STATE_COLOR: Record<CaseView['state'], TextColor> = {
  open: 'warning',
  active: 'accent',
  wrapUp: 'good',
  closed: 'default',
};

/** Title (case number and title), conversation state, agent and customer. */
export function renderHeader(view: CaseView): AcElement {
  return container(
    [
      columnSet([
        column(
          [
            textBlock(escapeTruncated(cardTitle(view), 200), {
              id: 'case-title',
              style: 'heading',
              size: 'medium',
              weight: 'bolder',
            }),
          ],
          'stretch',
        ),
        column(
          [
            textBlock(escapeMarkdown(view.stateLabel), {
              id: 'case-state',
              weight: 'bolder',
              color: STATE_COLOR[view.state],
            }),
          ],
          'auto',
        ),
      ]),
      textBlock(escapeTruncated(metaLine(view), 300), { id: 'case-meta', isSubtle: true, spacing: 'none' }),
    ],
    { id: 'header' },
  );
}
