/**
 * Slack mrkdwn treats `&`, `<` and `>` as control characters: `<!channel>`, `<@U123>` and `<http://x|y>` are
 * mentions and links. Escaping them (and sending every text with `verbatim: true`, so Slack does not auto-link or
 * auto-mention plain words like @here) makes a customer's message show as typed.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
