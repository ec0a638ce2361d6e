/**
 * Slack rejects a whole message or modal (`invalid_blocks`) for one oversized text or unknown element. This checker
 * encodes the documented limits for the blocks and elements the renderers use, and fails on anything else.
 */
type Json = Record<string, unknown>;

const BLOCK_TYPES = new Set(['header', 'section', 'context', 'actions', 'input', 'divider']);
const ELEMENT_TYPES = new Set([
  'button',
  'static_select',
  'datepicker',
  'number_input',
  'email_text_input',
  'plain_text_input',
  'radio_buttons',
]);

function text(problems: string[], where: string, t: unknown, max: number, type?: 'plain_text' | 'mrkdwn'): void {
  if (!t || typeof t !== 'object') {
    problems.push(`${where}: missing text object`);
    return;
  }
  const o = t as Json;
  if (o.type !== 'plain_text' && o.type !== 'mrkdwn') problems.push(`${where}: bad text type ${String(o.type)}`);
  if (type && o.type !== type) problems.push(`${where}: must be ${type}`);
  if (typeof o.text !== 'string' || o.text.length < 1) problems.push(`${where}: empty text`);
  else if (o.text.length > max) problems.push(`${where}: text ${o.text.length} > ${max}`);
  if (o.type === 'mrkdwn' && o.verbatim !== true) problems.push(`${where}: mrkdwn without verbatim`);
  if (typeof o.text === 'string' && /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(o.text)) {
    problems.push(`${where}: lone surrogate`);
  }
}

function option(problems: string[], where: string, o: Json): void {
  text(problems, `${where}.text`, o.text, 75, 'plain_text');
  if (typeof o.value !== 'string' || o.value.length < 1 || o.value.length > 150) {
    problems.push(`${where}.value length ${String((o.value as string)?.length)}`);
  }
}

function element(problems: string[], where: string, e: Json, actionIds: Set<string>): void {
  if (!ELEMENT_TYPES.has(String(e.type))) problems.push(`${where}: unknown element ${String(e.type)}`);
  const id = e.action_id;
  if (typeof id !== 'string' || id.length > 255) problems.push(`${where}: bad action_id`);
  else if (actionIds.has(id)) problems.push(`${where}: duplicate action_id ${id}`);
  else actionIds.add(id);
  switch (e.type) {
    case 'button':
      text(problems, `${where}.text`, e.text, 75, 'plain_text');
      if (typeof e.value !== 'string' || e.value.length > 2000) problems.push(`${where}: button value > 2000`);
      if (e.confirm) {
        const c = e.confirm as Json;
        text(problems, `${where}.confirm.title`, c.title, 100, 'plain_text');
        text(problems, `${where}.confirm.text`, c.text, 300);
        text(problems, `${where}.confirm.confirm`, c.confirm, 30, 'plain_text');
        text(problems, `${where}.confirm.deny`, c.deny, 30, 'plain_text');
      }
      break;
    case 'static_select': {
      const opts = e.options as Json[] | undefined;
      const groups = e.option_groups as Json[] | undefined;
      if (!!opts === !!groups) problems.push(`${where}: needs exactly one of options/option_groups`);
      if (opts && opts.length > 100) problems.push(`${where}: ${opts.length} options > 100`);
      if (groups && groups.length > 100) problems.push(`${where}: ${groups.length} groups > 100`);
      const all = [...(opts ?? []), ...(groups ?? []).flatMap((g) => g.options as Json[])];
      for (const g of groups ?? []) {
        text(problems, `${where}.group.label`, g.label, 75, 'plain_text');
        if ((g.options as Json[]).length > 100) problems.push(`${where}: group > 100 options`);
      }
      all.forEach((o, i) => {
        option(problems, `${where}.option[${i}]`, o);
      });
      const values = all.map((o) => o.value);
      if (new Set(values).size !== values.length) problems.push(`${where}: duplicate option values`);
      if (e.initial_option && !all.some((o) => JSON.stringify(o) === JSON.stringify(e.initial_option))) {
        problems.push(`${where}: initial_option is not one of the options`);
      }
      if (e.placeholder) text(problems, `${where}.placeholder`, e.placeholder, 150, 'plain_text');
      break;
    }
    case 'radio_buttons': {
      const opts = e.options as Json[];
      if (!opts || opts.length < 1 || opts.length > 10) problems.push(`${where}: radio options 1..10`);
      opts?.forEach((o, i) => {
        option(problems, `${where}.option[${i}]`, o);
      });
      if (e.initial_option && !opts.some((o) => JSON.stringify(o) === JSON.stringify(e.initial_option))) {
        problems.push(`${where}: initial_option is not one of the options`);
      }
      break;
    }
    case 'datepicker':
      if (e.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(e.initial_date))) {
        problems.push(`${where}: bad initial_date`);
      }
      break;
    case 'number_input':
      if (typeof e.is_decimal_allowed !== 'boolean') problems.push(`${where}: number_input needs is_decimal_allowed`);
      if (e.initial_value !== undefined && Number.isNaN(Number(e.initial_value))) problems.push(`${where}: NaN`);
      break;
    case 'plain_text_input': {
      const max = (e.max_length as number | undefined) ?? 3000;
      if (max > 3000) problems.push(`${where}: max_length > 3000`);
      if (typeof e.initial_value === 'string' && e.initial_value.length > max) {
        problems.push(`${where}: initial_value longer than max_length`);
      }
      if (e.placeholder) text(problems, `${where}.placeholder`, e.placeholder, 150, 'plain_text');
      break;
    }
    case 'email_text_input':
      if (typeof e.initial_value === 'string' && e.initial_value.length > 320) problems.push(`${where}: long email`);
      break;
  }
}

export function checkBlocks(blocks: Json[], maxBlocks: number, problems: string[]): void {
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks > ${maxBlocks}`);
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  blocks.forEach((b, i) => {
    const where = `blocks[${i}](${String(b.type)})`;
    if (!BLOCK_TYPES.has(String(b.type))) problems.push(`${where}: unknown block type`);
    if (b.block_id !== undefined) {
      const id = String(b.block_id);
      if (id.length > 255) problems.push(`${where}: block_id > 255`);
      if (blockIds.has(id)) problems.push(`${where}: duplicate block_id ${id}`);
      blockIds.add(id);
    }
    switch (b.type) {
      case 'header':
        text(problems, `${where}.text`, b.text, 150, 'plain_text');
        break;
      case 'section': {
        const fields = b.fields as Json[] | undefined;
        if (!b.text && !fields) problems.push(`${where}: needs text or fields`);
        if (b.text) text(problems, `${where}.text`, b.text, 3000);
        if (fields) {
          if (fields.length > 10) problems.push(`${where}: ${fields.length} fields > 10`);
          fields.forEach((f, j) => {
            text(problems, `${where}.fields[${j}]`, f, 2000);
          });
        }
        break;
      }
      case 'context': {
        const els = b.elements as Json[];
        if (!els || els.length < 1 || els.length > 10) problems.push(`${where}: context needs 1..10 elements`);
        els?.forEach((e, j) => {
          text(problems, `${where}.elements[${j}]`, e, 3000);
        });
        break;
      }
      case 'actions': {
        const els = b.elements as Json[];
        if (!els || els.length < 1 || els.length > 25) problems.push(`${where}: actions needs 1..25 elements`);
        els?.forEach((e, j) => {
          element(problems, `${where}.elements[${j}]`, e, actionIds);
        });
        break;
      }
      case 'input':
        text(problems, `${where}.label`, b.label, 2000, 'plain_text');
        if (b.hint) text(problems, `${where}.hint`, b.hint, 2000, 'plain_text');
        element(problems, `${where}.element`, b.element as Json, actionIds);
        break;
    }
  });
}

export function checkMessage(message: { text: string; blocks: Json[] }): string[] {
  const problems: string[] = [];
  if (typeof message.text !== 'string' || message.text.length < 1 || message.text.length > 40_000) {
    problems.push('message text must be 1..40000 characters');
  }
  checkBlocks(message.blocks, 50, problems);
  if (message.blocks.some((b) => b.type === 'input')) problems.push('input blocks do not belong in a message');
  return problems;
}

export function checkModal(view: Json): string[] {
  const problems: string[] = [];
  if (view.type !== 'modal') problems.push('type must be modal');
  text(problems, 'title', view.title, 24, 'plain_text');
  text(problems, 'close', view.close, 24, 'plain_text');
  if (view.submit) text(problems, 'submit', view.submit, 24, 'plain_text');
  if (typeof view.callback_id !== 'string' || view.callback_id.length > 255) problems.push('bad callback_id');
  if (typeof view.private_metadata !== 'string' || view.private_metadata.length > 3000) {
    problems.push('bad private_metadata');
  }
  const blocks = view.blocks as Json[];
  checkBlocks(blocks, 100, problems);
  if (blocks.some((b) => b.type === 'input') && !view.submit) problems.push('inputs need a submit button');
  return problems;
}
