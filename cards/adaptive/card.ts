import type { Banner, CaseView } from '../../core/view.js';
import { bannerText, cardTitle, pendingNoteText, truncate } from '../text.js';
import { renderBanners } from './banners.js';
import { executeAction, renderButtons } from './buttons.js';
import { type AcAction, type AcElement, type AdaptiveCardJson, container, textBlock } from './elements.js';
import { escapeMarkdown } from './escape.js';
import { FIELD_DETAIL, type FieldDetail, renderAiLegend, renderField, renderFieldFacts } from './field.js';
import { renderFieldInput, renderReadOnlyField } from './field-input.js';
import { renderHeader } from './header.js';
import { renderIntake } from './intake.js';

export interface AdaptiveCardOptions {
  /** `edit`: inline typed inputs with Save/Cancel (or Create for a case made by hand). */
  mode?: 'view' | 'edit';
  /** Server-side validation errors by field key, shown under each input. */
  errors?: Record<string, string>;
  /** Card size budget in UTF-8 bytes (Teams rejects bot messages over ~28 KB). */
  maxBytes?: number;
  /**
   * Teams refreshes a card automatically for every viewer in chats of up to 60 people when `userIds` is left out;
   * in bigger channels only the listed users (max 60) refresh automatically, the rest via "Refresh card".
   */
  refreshUserIds?: string[];
}

/** Teams' documented limit is about 28 KB for a whole message; leave room for the activity around the card. */
export const TEAMS_CARD_MAX_BYTES = 26_000;

/**
 * The one Adaptive Card for a conversation: intake, pending, case (view or edit), wrap-up and closed. A card over the
 * size budget is rebuilt with less detail (shorter values, fewer quotes); an edit form makes its longest values
 * read-only rather than cut them.
 */
export function renderAdaptiveCard(view: CaseView, options: AdaptiveCardOptions = {}): AdaptiveCardJson {
  const max = options.maxBytes ?? TEAMS_CARD_MAX_BYTES;
  const editing = options.mode === 'edit' && canEdit(view);
  if (editing) {
    const readOnly = new Set<string>();
    // Long values and huge option lists make an input heavy; the heaviest go read-only first.
    const weight = new Map(view.fields.map((f) => [f.key, jsonBytes(renderFieldInput(f))]));
    const candidates = view.fields
      .filter((f) => weight.get(f.key)! > HEAVY_INPUT_BYTES)
      .sort((a, b) => weight.get(b.key)! - weight.get(a.key)!);
    let card = build(view, options, FIELD_DETAIL[0]!, readOnly);
    let size = jsonBytes(card);
    while (size > max && readOnly.size < candidates.length) {
      let freed = 0;
      for (const f of candidates) {
        if (freed >= size - max) break;
        if (readOnly.has(f.key)) continue;
        readOnly.add(f.key);
        freed += weight.get(f.key)! - HEAVY_INPUT_BYTES;
      }
      card = build(view, options, FIELD_DETAIL[0]!, readOnly);
      size = jsonBytes(card);
    }
    return card;
  }
  let card = build(view, options, FIELD_DETAIL[0]!, new Set());
  for (const detail of FIELD_DETAIL.slice(1)) {
    if (jsonBytes(card) <= max) break;
    card = build(view, options, detail, new Set());
  }
  return card;
}

const HEAVY_INPUT_BYTES = 1_000;

function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

function build(
  view: CaseView,
  options: AdaptiveCardOptions,
  detail: FieldDetail,
  readOnly: ReadonlySet<string>,
): AdaptiveCardJson {
  const editing = options.mode === 'edit' && canEdit(view);
  const body: AcElement[] = [renderHeader(view), ...renderBanners(bannersFor(view, editing, options.errors))];
  let actions: AcAction[];

  if (view.kind === 'intake') body.push(...renderIntake(view));

  if (editing) {
    const creating = view.kind !== 'case';
    body.push(
      ...view.fields.map((f) =>
        readOnly.has(f.key) ? renderReadOnlyField(f) : renderFieldInput(f, options.errors?.[f.key]),
      ),
    );
    const fields = view.fields.filter((f) => !readOnly.has(f.key)).map((f) => f.key);
    actions = [
      executeAction('save', view.conversationId, {
        withInputs: true,
        fields,
        ...(creating ? { intent: 'create' as const } : {}),
      }),
      executeAction('cancel', view.conversationId),
    ];
    if (creating) actions[0]!.title = 'Create case';
  } else {
    if (view.kind === 'case') {
      body.push(
        ...(detail.compact ? [renderFieldFacts(view.fields, detail)] : view.fields.map((f) => renderField(f, detail))),
        ...renderAiLegend(view.fields),
      );
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
  const text = pendingNoteText(view);
  return container([textBlock(escapeMarkdown(text), { isSubtle: true })], { id: 'pending-note', spacing: 'small' });
}

function fallbackText(view: CaseView): string {
  const banner = view.banners[0];
  return banner ? `${cardTitle(view)} — ${bannerText(banner)}` : `${cardTitle(view)} — ${view.stateLabel}`;
}
