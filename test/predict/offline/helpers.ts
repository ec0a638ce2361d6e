import { defaultFields } from '../../../core/fields.js';
import { analyseTranscript, type Transcript } from '../../../core/predict/offline/transcript.js';
import type { PredictionInput, TranscriptMessage } from '../../../core/predict/port.js';
import type { Escalation, FieldDefinition, MessageRole } from '../../../core/types.js';

export type Line = [MessageRole, string, string];

export const NOW = new Date('2026-03-10T14:00:00Z'); // a Tuesday

export function messages(lines: Line[], now = NOW): TranscriptMessage[] {
  return lines.map(([role, author, text], i) => ({ id: `m${i + 1}`, role, author, text, sentAt: now }));
}

export function transcript(lines: Line[], options: { escalation?: Escalation | null; now?: Date } = {}): Transcript {
  const now = options.now ?? NOW;
  return analyseTranscript(messages(lines, now), options.escalation ?? null, now);
}

export function input(
  lines: Line[],
  options: { fields?: FieldDefinition[]; escalation?: Escalation | null; now?: Date; phoneRegion?: string } = {},
): PredictionInput {
  const now = options.now ?? NOW;
  return {
    fields: options.fields ?? defaultFields(),
    messages: messages(lines, now),
    escalation: options.escalation ?? null,
    current: null,
    now,
    phoneRegion: options.phoneRegion ?? 'US',
  };
}

export const IT_FIELDS: FieldDefinition[] = [
  { key: 'title', label: 'Title', type: 'text', required: true, aiManaged: true },
  { key: 'requester', label: 'Requester', type: 'text', required: true, aiManaged: true },
  {
    key: 'department',
    label: 'Department',
    type: 'choice',
    required: false,
    aiManaged: true,
    options: [{ value: 'Engineering' }, { value: 'Sales' }, { value: 'Finance' }, { value: 'Operations' }],
  },
  {
    key: 'category',
    label: 'Category',
    type: 'choice',
    required: true,
    aiManaged: true,
    options: [
      { value: 'Hardware', hint: 'use for laptops, monitors, docks, printers, batteries, physical damage' },
      { value: 'Software', hint: 'use for installing, updating or malfunctioning applications and add-ins' },
      {
        value: 'Access & permissions',
        hint: 'use for accounts, passwords, lock-outs, licences, seats, shared folders',
      },
      { value: 'Network & VPN', hint: 'use for Wi-Fi, VPN and connectivity problems' },
      {
        value: 'Email & calendar',
        hint: 'use for Outlook, mail sending and receiving, shared mailboxes, calendar invites',
      },
      {
        value: 'Security incident',
        hint: 'use for phishing, compromised credentials, malware, lost or stolen devices',
      },
    ],
  },
  {
    key: 'priority',
    label: 'Priority',
    type: 'choice',
    required: false,
    aiManaged: true,
    options: [
      { value: 'Low', hint: 'requests with no time pressure' },
      { value: 'Normal', hint: 'default' },
      { value: 'High', hint: 'cannot work or a group is degraded' },
      { value: 'Urgent', hint: 'security incidents, outages, many users blocked, safety hazards, a deadline today' },
    ],
  },
  { key: 'assetTag', label: 'Asset tag', type: 'text', required: false, aiManaged: true, hint: 'Tag like LT-04821' },
  { key: 'affectedUsers', label: 'Affected users', type: 'number', required: false, aiManaged: true },
  { key: 'application', label: 'Application', type: 'text', required: false, aiManaged: true },
];

export function field(key: string, fields: FieldDefinition[] = defaultFields()): FieldDefinition {
  const f = fields.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${key}`);
  return f;
}
