/**
 * Just enough Adaptive Card 1.5 typing to build cards as plain JSON (cards/ imports no SDK). Builders never emit a
 * property at its default value, so the schema round-trip test can tell unknown properties from defaults.
 */
import type { Tone } from '../text.js';

export type AcElement = { type: string; id?: string } & Record<string, unknown>;
export type AcAction = { type: `Action.${string}`; title?: string } & Record<string, unknown>;

export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  /** Teams extension: use the whole message width. */
  msteams: { width: 'Full' };
  fallbackText: string;
  refresh?: { action: AcAction; userIds?: string[] };
  body: AcElement[];
  actions?: AcAction[];
}

export type TextColor = 'default' | 'accent' | 'good' | 'warning' | 'attention' | 'dark' | 'light';
export type ContainerStyle = 'default' | 'emphasis' | 'accent' | 'good' | 'warning' | 'attention';

export interface TextOptions {
  id?: string;
  size?: 'small' | 'medium' | 'large' | 'extraLarge';
  weight?: 'lighter' | 'bolder';
  color?: TextColor;
  isSubtle?: boolean;
  spacing?: 'none' | 'small' | 'medium' | 'large';
  style?: 'heading';
  /** Short labels that must stay on one line (TextBlock's default). */
  noWrap?: boolean;
}

/** `text` must already be escaped Markdown (see escape.ts). */
export function textBlock(text: string, options: TextOptions = {}): AcElement {
  const block: AcElement = options.noWrap ? { type: 'TextBlock', text } : { type: 'TextBlock', text, wrap: true };
  if (options.id) block.id = options.id;
  if (options.style) block.style = options.style;
  if (options.size) block.size = options.size;
  if (options.weight) block.weight = options.weight;
  if (options.color && options.color !== 'default') block.color = options.color;
  if (options.isSubtle) block.isSubtle = true;
  if (options.spacing) block.spacing = options.spacing;
  return block;
}

export interface ContainerOptions {
  id?: string;
  style?: ContainerStyle;
  hidden?: boolean;
  spacing?: 'none' | 'small' | 'medium' | 'large';
  separator?: boolean;
  bleed?: boolean;
}

export function container(items: AcElement[], options: ContainerOptions = {}): AcElement {
  const block: AcElement = { type: 'Container', items };
  if (options.id) block.id = options.id;
  if (options.style && options.style !== 'default') block.style = options.style;
  if (options.hidden) block.isVisible = false;
  if (options.spacing) block.spacing = options.spacing;
  if (options.separator) block.separator = true;
  if (options.bleed) block.bleed = true;
  return block;
}

export function column(items: AcElement[], width: 'auto' | 'stretch' | number | `${number}px`): AcElement {
  return { type: 'Column', width, items };
}

export function columnSet(columns: AcElement[]): AcElement {
  return { type: 'ColumnSet', columns };
}

export function actionSet(actions: AcAction[], id?: string): AcElement {
  const block: AcElement = { type: 'ActionSet', actions };
  if (id) block.id = id;
  return block;
}

export function toneStyle(tone: Tone): ContainerStyle {
  return tone === 'default' ? 'emphasis' : tone;
}

export function toneColor(tone: Tone): TextColor {
  return tone;
}
