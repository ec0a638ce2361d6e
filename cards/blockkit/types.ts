/** Just enough Block Kit typing to build blocks as plain JSON (cards/ imports no Slack SDK). */
export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
  verbatim: true;
}
export type TextObject = PlainText | Mrkdwn;

export type Block = { type: string; block_id?: string } & Record<string, unknown>;
export type BlockElement = { type: string; action_id?: string } & Record<string, unknown>;

export interface SlackMessage {
  /** Notification and screen-reader fallback. */
  text: string;
  blocks: Block[];
}

export interface SlackModalView {
  type: 'modal';
  callback_id: string;
  private_metadata: string;
  title: PlainText;
  submit?: PlainText;
  close: PlainText;
  blocks: Block[];
}

export const plain = (text: string): PlainText => ({ type: 'plain_text', text, emoji: true });
/** `text` must already be escaped (see escape.ts / limits.ts). */
export const mrkdwn = (text: string): Mrkdwn => ({ type: 'mrkdwn', text, verbatim: true });
