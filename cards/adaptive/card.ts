import type { Banner, CaseView } from '../../core/view.js';
import { bannerText, cardTitle, truncate } from '../text.js';
import { renderBanners } from './banners.js';
import { executeAction, renderButtons } from './buttons.js';
import { type AcAction, type AcElement, type AdaptiveCardJson, container, textBlock } from './elements.js';
import { escapeMarkdown } from './escape.js';
import { renderAiLegend, renderField } from './field.js';
import { renderFieldInput } from './field-input.js';
import { renderHeader } from './header.js';
import { renderIntake } from './intake.js';

export interface AdaptiveCardOptions {
  /** `edit`: inline typed inputs with Save/Cancel (or Create for a case made by hand). */
  mode?: 'view' | 'edit';
  /** Server-side validation errors by field key, shown under each input. */
  errors?: Record<string, string>;
  /**
   * Teams refreshes a card automatically for every viewer in chats of up to 60 people when `userIds` is left out;
   * in bigger channels only the listed users (max 60) refresh automatically, the rest via "Refresh card".
   */
  refreshUserIds?: string[];
}

/** The one Adaptive Card for a conversation: intake, pending, case (view or edit), wrap-up and closed. */
export function renderAdaptiveCard(view: CaseView, options: AdaptiveCardOptions = {}): AdaptiveCardJson {
  const editing = options.mode === 'edit' && canEdit(view);
  const body: AcElement[] = [renderHeader(view), ...renderBanners(bannersFor(view, editing, options.errors))];
  let actions: AcAction[];

  if (view.kind === 'intake') body.push(...renderIntake(view));

  if (editing) {
    const creating = view.kind !== 'case';
    body.push(...view.fields.map((f) => renderFieldInput(f, options.errors?.[f.key])));
    actions = [
      executeAction(
        'save',
        view.conversationId,
        creating ? { withInputs: true, intent: 'create' } : { withInputs: true },
      ),
      executeAction('cancel', view.conversationId),
    ];
    if (creating) actions[0]!.title = 'Create case';
  } else {
    if (view.kind === 'case') {
      body.push(...view.fields.map(renderField), ...renderAiLegend(view.fields));
    } else if (view.kind === 'pending') {
      body.push(renderPendingNote(view));
    }
    actions = renderButtons(view.actions, view.conversationId);
  }

  const card: AdaptiveCardJson = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    msteams: { width: 'Full' },
    fallbackText: truncate(fallbackText(view), 500),
    body,
  };
  // Only a live case changes under people's eyes; the edit form must not be swapped out while someone types.
  if (view.kind === 'case' && view.state !== 'closed' && !editing) {
    card.refresh = { action: executeAction('refresh', view.conversationId) };
    if (options.refreshUserIds) card.refresh.userIds = options.refreshUserIds.slice(0, 60);
  }
  if (actions.length > 0) card.actions = actions;
  return card;
}

function canEdit(view: CaseView): boolean {
  if (view.state === 'closed' || view.kind === 'intake') return false;
  return view.kind === 'case' ? view.actions.includes('edit') : view.actions.includes('create');
}

function bannersFor(view: CaseView, editing: boolean, errors: Record<string, string> | undefined): Banner[] {
  if (!editing) return view.banners;
  const known = new Set(view.fields.map((f) => f.key));
  const entries = Object.entries(errors ?? {});
  if (entries.length === 0) return view.banners.filter((b) => b.kind === 'error');
  // Errors for keys without an input (or the whole form) can only show at the top.
  const loose = entries.filter(([k]) => !known.has(k)).map(([, m]) => m);
  return [{ kind: 'error', message: ['Please fix the highlighted fields.', ...loose].join(' ') }];
}

function renderPendingNote(view: CaseView): AcElement {
  const required = view.fields.filter((f) => f.required).map((f) => f.label);
  const text =
    view.state === 'closed'
      ? 'This conversation closed without a case.'
      : required.length > 0
        ? `A case is created once the conversation has: ${required.join(', ')}.`
        : 'No case has been created for this conversation yet.';
  return container([textBlock(escapeMarkdown(text), { isSubtle: true })], { id: 'pending-note', spacing: 'small' });
}

function fallbackText(view: CaseView): string {
  const banner = view.banners[0];
  return banner ? `${cardTitle(view)} — ${bannerText(banner)}` : `${cardTitle(view)} — ${view.stateLabel}`;
}
