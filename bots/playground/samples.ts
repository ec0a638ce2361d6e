/**
 * Built-in conversations for "Load a sample conversation": written for the playground (not evaluation data), each
 * with a follow-up message that brings new facts, so "Update from conversation" has something to find.
 */
export interface Sample {
  id: string;
  title: string;
  /** What the sample shows, for the picker. */
  summary: string;
  customer: string;
  /** Customer messages posted when the sample is loaded, in order. */
  messages: string[];
  /** A suggested next customer message with new facts. */
  followUp: string;
}

export const SAMPLES: readonly Sample[] = [
  {
    id: 'double-charge',
    title: 'Charged twice',
    summary: 'Enough context at once: Accept creates the case; the follow-up adds an email and a refund request.',
    customer: 'Maria Lopez',
    messages: [
      'Hi, I was charged twice for my March subscription to the Pro plan. The same amount left my card two times on March 3.',
    ],
    followUp:
      'My email is maria.lopez@example.com and the invoice number is INV-20931. Please refund the second charge.',
  },
  {
    id: 'late-parcel',
    title: 'Parcel stuck in customs',
    summary: 'A late delivery; the follow-up adds a phone number and a deadline.',
    customer: 'Tom Becker',
    messages: [
      'Hello, my order ORD-58213 was supposed to arrive last week but the tracking has been stuck in customs for 6 days.',
      'It is a pair of AeroRun trail shoes.',
    ],
    followUp: 'You can reach me at +1 415 555 0132. I really need the parcel by Friday, it is a birthday present.',
  },
  {
    id: 'vague-start',
    title: 'Not enough context yet',
    summary: 'Accept finds too little and says which fields are missing; the follow-up states the problem.',
    customer: 'Sam Okafor',
    messages: ['Hi there, is anyone around?'],
    followUp:
      "I can't log in to my account: the password reset email never arrives and now the account is locked. My email is sam.okafor@example.org.",
  },
];

export function findSample(id: string): Sample | undefined {
  return SAMPLES.find((s) => s.id === id);
}
