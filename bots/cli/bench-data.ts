import type { TranscriptMessage } from '../../core/predict/port.js';

/** A support chat as it goes: the problem, contact details, back and forth, a date; varied by conversation number. */
const CUSTOMER_LINES = [
  'Hi, I was charged twice for order #{order} and I need a refund please',
  'My name is {name}, you can reach me at {email} or {phone}',
  'The {product} arrived yesterday but the screen is cracked',
  'It is quite urgent, I need this sorted before {date}',
  'I already tried restarting it and reinstalling the app, no luck',
  'The second charge shows as pending on my card statement',
  'Can you also update my shipping address to 12 Rue de la Paix, Paris?',
  'Thanks, that makes sense. What happens next?',
];
const AGENT_LINES = [
  'Thanks for reaching out, I am sorry about that. Let me look into order #{order}.',
  'Could you confirm the email address on the account?',
  'I can see both charges. I will raise a refund for the duplicate one.',
  'Noted, I have marked this as high priority.',
];
const NAMES = ['Maria Lopez', 'Jan Kowalski', 'Aiko Tanaka', 'Chidi Okafor', 'Emma Schmidt'];
const PRODUCTS = ['Acme Phone X2', 'Acme Router Pro', 'Acme Watch 3', 'Acme Laptop 14'];

function fill(template: string, i: number): string {
  return template
    .replace('{order}', String(100_000 + i * 7))
    .replace('{name}', NAMES[i % NAMES.length]!)
    .replace('{email}', `customer${i}@example.com`)
    .replace('{phone}', `+1 415 555 ${String(1000 + (i % 9000)).padStart(4, '0')}`)
    .replace('{product}', PRODUCTS[i % PRODUCTS.length]!)
    .replace('{date}', i % 2 ? 'next Friday' : 'March 14');
}

/** Message `n` of conversation `i`: every third message is the agent's. */
export function benchMessageText(i: number, n: number): string {
  const lines = n % 3 === 2 ? AGENT_LINES : CUSTOMER_LINES;
  return fill(lines[(n + i) % lines.length]!, i);
}

export function benchConversation(i: number, size: number): TranscriptMessage[] {
  const start = Date.parse('2026-03-02T09:00:00Z');
  return Array.from({ length: size }, (_, n) => ({
    id: `m-${i}-${n}`,
    role: n % 3 === 2 ? 'agent' : 'customer',
    author: n % 3 === 2 ? 'Priya Agent' : NAMES[i % NAMES.length]!,
    text: benchMessageText(i, n),
    sentAt: new Date(start + n * 30_000),
  }));
}
