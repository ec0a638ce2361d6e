import { safeSlice, TRUNCATED } from '../text.js';

/**
 * Adaptive Card TextBlocks render a Markdown subset (bold, italic, lists, links) and substitute `{{DATE(…)}}`
 * functions. A customer's words must show as typed, so every user-supplied string is backslash-escaped before it goes
 * into a TextBlock: no link, list, heading or emphasis can be injected. Only the characters that can start Markdown are
 * escaped, because some Teams clients show a needless backslash literally.
 */
const INLINE = /[\\`*_[\]()~<>{}]/g;
/** Block syntax only counts at the start of a line: headings, quotes, bullets, numbered items. */
const LINE_START = /^(\s*)(#|>|[-+]|\d+(?=[.)]))/gm;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(INLINE, (c) => `\\${c}`)
    .replace(LINE_START, (_m, space: string, mark: string) =>
      /^\d+$/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
    );
}

/** Escaped text cut to about `max` characters; the marker stays unescaped ("(…)" cannot form a link on its own). */
export function escapeTruncated(text: string, max: number): string {
  return text.length <= max
    ? escapeMarkdown(text)
    : `${escapeMarkdown(safeSlice(text, max - TRUNCATED.length))}${TRUNCATED}`;
}
