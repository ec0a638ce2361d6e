/** Block Kit limits that Slack enforces by rejecting the whole message (`invalid_blocks`). */

import { safeSlice, TRUNCATED } from '../text.js';
import { escapeMrkdwn } from './escape.js';

export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerModal: 100,
  sectionText: 3_000,
  sectionFields: 10,
  sectionFieldText: 2_000,
  contextElements: 10,
  contextText: 2_000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2_000,
  actionsElements: 25,
  messageText: 3_000,
  modalTitle: 24,
  modalButton: 24,
  inputLabel: 2_000,
  inputHint: 2_000,
  plainTextInput: 3_000,
  optionText: 75,
  optionsPerSelect: 100,
  privateMetadata: 3_000,
  blockId: 255,
} as const;

/** Plain text cut to `max` characters, marker included; never empty (Slack rejects empty text). */
export function fitPlain(text: string, max: number): string {
  const t = text === '' ? ' ' : text;
  if (t.length <= max) return t;
  return `${safeSlice(t, max - TRUNCATED.length)}${TRUNCATED}`;
}

/**
 * User text escaped for mrkdwn and cut so the *escaped* form fits `max`, without splitting an entity such as `&amp;`.
 */
export function fitMrkdwn(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  let keep = max - TRUNCATED.length;
  let cut = escapeMrkdwn(safeSlice(text, keep));
  while (cut.length > max - TRUNCATED.length && keep > 0) {
    keep -= cut.length - (max - TRUNCATED.length);
    cut = escapeMrkdwn(safeSlice(text, keep));
  }
  return `${cut}${TRUNCATED}`;
}
