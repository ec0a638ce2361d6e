import type { Logger } from '../../../core/ports.js';
import type { PredictionInput, TranscriptMessage } from '../../../core/predict/port.js';
import type { Escalation, FieldDefinition, FieldValue, MessageRole } from '../../../core/types.js';

export const NOW = new Date('2026-11-30T15:00:00Z');

/** One field of every type, plus one the AI does not manage. */
export const FIELDS: FieldDefinition[] = [
  { key: 'title', label: 'Title', type: 'text', required: true, aiManaged: true, hint: 'One-line summary' },
  { key: 'description', label: 'Description', type: 'longtext', required: false, aiManaged: true },
  {
    key: 'category',
    label: 'Category',
    type: 'choice',
    required: true,
    aiManaged: true,
    hint: 'What kind of problem this is',
    options: [
      { value: 'Billing', hint: 'charges, invoices, double charges' },
      { value: 'Shipping & delivery', hint: 'late or lost parcels' },
      { value: 'Technical issue' },
    ],
  },
  {
    key: 'priority',
    label: 'Priority',
    type: 'choice',
    required: false,
    aiManaged: true,
    options: [{ value: 'Low' }, { value: 'Normal' }, { value: 'High' }, { value: 'Urgent' }],
  },
  { key: 'email', label: 'Email', type: 'email', required: false, aiManaged: true },
  { key: 'phone', label: 'Phone', type: 'phone', required: false, aiManaged: true },
  { key: 'amount', label: 'Amount', type: 'number', required: false, aiManaged: true },
  { key: 'refundRequested', label: 'Refund requested', type: 'boolean', required: false, aiManaged: true },
  { key: 'dueDate', label: 'Due date', type: 'date', required: false, aiManaged: true, hint: 'YYYY-MM-DD' },
  { key: 'internalNote', label: 'Internal note', type: 'longtext', required: false, aiManaged: false },
];

export const AI_FIELDS = FIELDS.filter((f) => f.aiManaged);

export function msg(n: number, role: MessageRole, text: string): TranscriptMessage {
  return {
    id: `msg-${n}`,
    role,
    author: role === 'customer' ? 'Maria Lopez' : role === 'agent' ? 'Priya Agent' : 'HelpBot',
    text,
    sentAt: new Date(NOW.getTime() - (1000 - n) * 5_000),
  };
}

/** A short billing conversation with contact details in it. */
export function billingChat(): TranscriptMessage[] {
  return [
    msg(1, 'customer', 'Hi, I was charged twice for my March subscription, $49.99 each time.'),
    msg(2, 'agent', 'Sorry about that! Can you confirm your email? Is it maria@old-domain.com?'),
    msg(3, 'customer', 'No, it is Maria.Lopez@Example.com, and you can call me on (415) 555-0132.'),
    msg(4, 'customer', 'I want a refund please, by Friday.'),
  ];
}

/** `n` messages, alternating customer and agent, each a sentence or two long. */
export function longChat(n: number): TranscriptMessage[] {
  return Array.from({ length: n }, (_, i) =>
    msg(
      i + 1,
      i % 2 === 0 ? 'customer' : 'agent',
      i === 0
        ? 'Hello, my parcel for order ORD-20931 is stuck in customs and I need it by December 5. Email me at maria.lopez@example.com.'
        : `Update ${i + 1}: still looking into the tracking for ORD-20931; the courier said it would take another day or two to clear.`,
    ),
  );
}

export function input(
  messages: TranscriptMessage[],
  extra: {
    current?: Record<string, FieldValue> | null;
    escalation?: Escalation | null;
    fields?: FieldDefinition[];
  } = {},
): PredictionInput {
  return {
    fields: extra.fields ?? AI_FIELDS,
    messages,
    escalation: extra.escalation ?? null,
    current: extra.current ?? null,
    now: NOW,
    phoneRegion: 'US',
  };
}

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object;
  msg?: string;
}

export function recordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (obj: object, msg?: string): void => {
      lines.push(msg === undefined ? { level, obj } : { level, obj, msg });
    };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
