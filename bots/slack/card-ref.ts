/** Where the case card of a conversation is posted: `conversation.cardRef` is `<channel>:<ts>`. */
export interface CardRef {
  channel: string;
  ts: string;
}

export function formatCardRef(ref: CardRef): string {
  return `${ref.channel}:${ref.ts}`;
}

export function parseCardRef(value: string | null | undefined): CardRef | null {
  if (!value) return null;
  const at = value.indexOf(':');
  if (at <= 0 || at === value.length - 1) return null;
  return { channel: value.slice(0, at), ts: value.slice(at + 1) };
}
