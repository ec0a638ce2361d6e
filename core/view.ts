import { displayValue } from './normalize.js';
import type { ConversationSnapshot } from './ports.js';
import type {
  CaseEvent,
  ConversationState,
  FieldChange,
  FieldType,
  FieldValue,
  MessageRole,
  Person,
  Platform,
  ValueSource,
} from './types.js';

/** Values under this confidence are flagged on the card for a person to check. */
export const LOW_CONFIDENCE = 0.6;
const EVIDENCE_EXCERPT = 280;

export type CaseAction = 'accept' | 'update' | 'edit' | 'end' | 'undo' | 'create' | 'close';

export type Banner =
  /** The last update changed these fields (labels). */
  | { kind: 'ai-updated'; fields: string[] }
  | { kind: 'no-change'; message: string }
  | { kind: 'not-enough-context'; missing: string[] }
  | { kind: 'filling' }
  | { kind: 'fallback'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'info'; message: string };

export interface EvidenceView {
  messageId: string;
  author: string;
  role: MessageRole;
  excerpt: string;
}

export interface FieldView {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  aiManaged: boolean;
  hint?: string;
  options?: string[];
  value: FieldValue | null;
  /** How the value reads to a person ('' when empty). */
  display: string;
  source: ValueSource | null;
  confidence: number | null;
  lowConfidence: boolean;
  /** Changed by the last AI update. */
  changed: boolean;
  previousDisplay: string | null;
  /** Required and empty. */
  missing: boolean;
  evidence: EvidenceView[];
}

export interface CaseView {
  /** intake: waiting for an agent; pending: accepted/ended, no case yet; case: a case exists. */
  kind: 'intake' | 'pending' | 'case';
  tenantId: string;
  platform: Platform;
  conversationId: string;
  caseId: string | null;
  caseNumber: number | null;
  title: string | null;
  state: ConversationState;
  stateLabel: string;
  assignedAgent: Person | null;
  customer: Person | null;
  /** First customer words (intake card), escalation summary if a bot handed over. */
  preview: string | null;
  escalationSummary: string | null;
  escalationBot: string | null;
  fields: FieldView[];
  banners: Banner[];
  actions: CaseAction[];
  updatedAt: string;
}

const STATE_LABEL: Record<ConversationState, string> = {
  open: 'Waiting for an agent',
  active: 'In progress',
  wrapUp: 'Wrap-up',
  closed: 'Closed',
};

const NO_CHANGE_MESSAGE: Record<string, string> = {
  no_new_context: 'No changes: not enough new context',
  fields_unknown: 'No changes: not enough context to fill the fields yet',
  protected: 'No changes: the differing fields were edited by a person and are protected',
};

export interface ViewOptions {
  /** A prediction is running for this conversation. */
  filling?: boolean;
  /** Extra banners from the action that produced this view (e.g. an error to show). */
  banners?: Banner[];
}

/**
 * The platform-neutral card model. A pure function of what is stored, so every replica and every viewer (Teams
 * `refresh`, Slack `chat.update`, the playground) shows the same card: highlights come from the latest event.
 */
export function buildCaseView(snap: ConversationSnapshot, events: CaseEvent[], options: ViewOptions = {}): CaseView {
  const { conversation, fields, case: kase } = snap;
  const messagesById = new Map(snap.messages.map((m) => [m.id, m]));
  const latest = latestDecision(events);
  const lastChanges =
    latest?.type === 'ai_updated'
      ? new Map(((latest.data.changes ?? []) as FieldChange[]).map((c) => [c.key, c]))
      : new Map<string, FieldChange>();
  const labelOf = new Map(fields.map((f) => [f.key, f.label]));

  const fieldViews: FieldView[] = fields.map((field) => {
    const stored = kase?.values[field.key];
    const change = lastChanges.get(field.key);
    const evidence = (stored?.evidence ?? []).flatMap((id) => {
      const m = messagesById.get(id);
      if (!m || m.deleted) return [];
      return [{ messageId: id, author: m.author.name, role: m.role, excerpt: excerpt(m.text) }];
    });
    const view: FieldView = {
      key: field.key,
      label: field.label,
      type: field.type,
      required: field.required,
      aiManaged: field.aiManaged,
      value: stored?.value ?? null,
      display: displayValue(field, stored?.value),
      source: stored?.source ?? null,
      confidence: stored ? stored.confidence : null,
      lowConfidence: stored?.source === 'ai' && stored.confidence < LOW_CONFIDENCE,
      changed: Boolean(change),
      previousDisplay: change?.before ? displayValue(field, change.before.value) : null,
      missing: Boolean(kase) && field.required && stored === undefined,
      evidence,
    };
    if (field.hint) view.hint = field.hint;
    if (field.options) view.options = field.options.map((o) => o.value);
    return view;
  });

  const banners: Banner[] = [];
  if (options.filling) banners.push({ kind: 'filling' });
  if (latest?.type === 'ai_updated') {
    banners.push({ kind: 'ai-updated', fields: [...lastChanges.keys()].map((k) => labelOf.get(k) ?? k) });
  } else if (latest?.type === 'no_change') {
    banners.push({
      kind: 'no-change',
      message: NO_CHANGE_MESSAGE[String(latest.data.reason)] ?? NO_CHANGE_MESSAGE.no_new_context!,
    });
  } else if (latest?.type === 'not_created' && !kase) {
    const missing = ((latest.data.missing ?? []) as string[]).map((k) => labelOf.get(k) ?? k);
    banners.push({ kind: 'not-enough-context', missing });
  } else if (latest?.type === 'prediction_failed') {
    banners.push({
      kind: 'error',
      message: 'The AI could not read the conversation just now. Nothing was changed; try again.',
    });
  }
  const fallback = latest?.data.fallback as { from?: string; reason?: string } | null | undefined;
  // The AI service failing is worth saying whatever the offline predictor then decided.
  if (fallback && ['ai_updated', 'created', 'not_created', 'no_change'].includes(latest?.type ?? '')) {
    banners.push({
      kind: 'fallback',
      message: `The AI service was unavailable; the offline predictor answered instead (${fallback.reason ?? 'error'}).`,
    });
  }
  banners.push(...(options.banners ?? []));

  const firstCustomer = snap.messages.find((m) => m.role === 'customer' && !m.deleted);
  return {
    kind: kase ? 'case' : conversation.state === 'open' ? 'intake' : 'pending',
    tenantId: conversation.tenantId,
    platform: conversation.platform,
    conversationId: conversation.id,
    caseId: kase?.id ?? null,
    caseNumber: kase?.number ?? null,
    title: typeof kase?.values.title?.value === 'string' ? kase.values.title.value : null,
    state: conversation.state,
    stateLabel: STATE_LABEL[conversation.state],
    assignedAgent: conversation.assignedAgent,
    customer: conversation.customer,
    preview: firstCustomer ? excerpt(firstCustomer.text) : null,
    escalationSummary: conversation.escalation?.summary ?? null,
    escalationBot: conversation.escalation?.bot ?? null,
    fields: fieldViews,
    banners,
    actions: actionsFor(conversation.state, Boolean(kase), latest?.type === 'ai_updated'),
    updatedAt: (kase?.updatedAt ?? conversation.updatedAt).toISOString(),
  };
}

function actionsFor(state: ConversationState, hasCase: boolean, undoable: boolean): CaseAction[] {
  switch (state) {
    case 'open':
      return ['accept'];
    case 'active':
      return hasCase
        ? ['update', 'edit', 'end', ...(undoable ? (['undo'] as const) : [])]
        : ['update', 'create', 'end'];
    case 'wrapUp':
      return hasCase ? ['update', 'edit', ...(undoable ? (['undo'] as const) : []), 'close'] : ['create', 'close'];
    case 'closed':
      return [];
  }
}

/** The latest event that decides what the card highlights; state changes and failures of other kinds don't. */
function latestDecision(events: CaseEvent[]): CaseEvent | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'state_changed') continue;
    return e;
  }
  return undefined;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EVIDENCE_EXCERPT ? `${flat.slice(0, EVIDENCE_EXCERPT - 1)}…` : flat;
}
