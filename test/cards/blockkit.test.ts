import { describe, expect, it } from 'vitest';
import { readEditModalValues, SLACK_ACTION_ID, type SlackViewStateValues } from '../../cards/actions.js';
import { escapeMrkdwn, modalErrors, renderBlockKit, renderEditModal } from '../../cards/blockkit/index.js';
import type { Block } from '../../cards/blockkit/types.js';
import { TRUNCATED } from '../../cards/text.js';
import { HOSTILE, hostileIntake, hostileView, hugeView, STATE_NAMES, STATES } from './fixtures.js';
import { checkMessage, checkModal } from './support/blockkit-validate.js';
import { allBy, findBy, textsOf } from './support/walk.js';

const block = (blocks: Block[], id: string) => blocks.find((b) => b.block_id === id);
const allText = (node: unknown) => textsOf(node).join('\n');

describe('renderBlockKit: every state', () => {
  for (const name of STATE_NAMES) {
    it(`${name}: within Slack limits, buttons exactly for view.actions`, () => {
      const view = STATES[name];
      const message = renderBlockKit(view);
      expect(checkMessage(message)).toEqual([]);
      const buttons = allBy(message.blocks, 'type', 'button');
      expect(buttons.map((b) => b.action_id)).toEqual(view.actions.map((a) => SLACK_ACTION_ID[a]));
      for (const b of buttons) expect(b.value).toBe(view.conversationId);
      expect(message.blocks[0]).toMatchObject({ type: 'header' });
    });
  }

  it('updated: banner, highlighted changed fields with previous value, ✨, low confidence, evidence', () => {
    const { text, blocks } = renderBlockKit(STATES.updated);
    expect(text).toContain('Updated using AI: Priority, Product');
    expect(allText(block(blocks, 'banner_ai-updated'))).toContain('Updated using AI: Priority, Product');
    const priority = allText(block(blocks, 'field_priority'));
    expect(priority).toContain('*Priority* ✨');
    expect(priority).toContain('Changed by AI · was: Normal');
    expect(priority).toContain('Low confidence 45%: please check');
    expect(priority).toContain('Urgent');
    expect(allText(block(blocks, 'field_product'))).toContain('Changed by AI · was empty');
    expect(allText(block(blocks, 'evidence_priority'))).toContain('it is urgent: rent is due');
    // Unremarkable manual values share a two-column section, without ✨ or evidence.
    const grouped = blocks
      .filter((b) => String(b.block_id).startsWith('fields_'))
      .map(allText)
      .join('\n');
    expect(grouped).toContain('*Seats*\n12');
    expect(grouped).not.toContain('*Seats* ✨');
    expect(block(blocks, 'evidence_seats')).toBeUndefined();
    expect(allText(block(blocks, 'legend'))).toContain('✨ filled by AI');
    expect(allBy(blocks, 'type', 'button').map((b) => b.action_id)).toEqual([
      'autocase_update',
      'autocase_edit',
      'autocase_end',
      'autocase_undo',
    ]);
  });

  it('created: no highlight or change marker', () => {
    const { blocks } = renderBlockKit(STATES.created);
    expect(allText(blocks)).not.toContain('Changed by AI');
    expect(block(blocks, 'banner_ai-updated')).toBeUndefined();
    expect(allText(block(blocks, 'header'))).toBe('Case #1042: Charged twice for March subscription');
  });

  it('notices: no change, not enough context, filling, fallback, error', () => {
    expect(allText(renderBlockKit(STATES['no-change']).blocks)).toContain('No changes: not enough new context');
    const notEnough = renderBlockKit(STATES['not-enough-context']);
    expect(allText(block(notEnough.blocks, 'banner_not-enough-context'))).toContain(
      'Not enough context yet: missing Customer name, Category',
    );
    expect(allText(notEnough.blocks)).toContain(
      'A case is created once the conversation has: Title, Customer name, Category',
    );
    expect(allText(renderBlockKit(STATES.filling).blocks)).toContain('✨ Filling fields…');
    expect(allText(renderBlockKit(STATES.fallback).blocks)).toContain('offline predictor answered instead (timeout)');
    expect(allText(block(renderBlockKit(STATES.error).blocks, 'banner_error'))).toContain(
      'could not read the conversation',
    );
  });

  it('intake: preview, escalation summary, Accept only', () => {
    const { blocks } = renderBlockKit(STATES['intake-escalated']);
    expect(allText(block(blocks, 'intake_preview'))).toContain('*Sam Rivera wrote:*\n>Hi, I was charged twice');
    expect(allText(block(blocks, 'escalation_summary'))).toContain('Handed over by HelpBot');
    expect(allBy(blocks, 'type', 'button').map((b) => b.action_id)).toEqual(['autocase_accept']);
    expect(block(blocks, 'fields_0')).toBeUndefined();
  });

  it('wrap-up and closed', () => {
    const wrap = renderBlockKit(STATES['wrap-up']);
    expect(allText(block(wrap.blocks, 'meta'))).toContain('Wrap-up');
    expect(allBy(wrap.blocks, 'type', 'button').map((b) => b.action_id)).toContain('autocase_close');
    const closed = renderBlockKit(STATES.closed);
    expect(allText(block(closed.blocks, 'meta'))).toContain('Closed');
    expect(allBy(closed.blocks, 'type', 'actions')).toEqual([]);
    expect(allText(renderBlockKit(STATES['closed-no-case']).blocks)).toContain('closed without a case');
  });

  it('end and close ask for confirmation', () => {
    const buttons = allBy(renderBlockKit(STATES.updated).blocks, 'type', 'button');
    expect(buttons.find((b) => b.action_id === 'autocase_end')?.confirm).toBeTruthy();
    expect(buttons.find((b) => b.action_id === 'autocase_update')?.confirm).toBeUndefined();
  });
});

describe('escaping for Slack mrkdwn', () => {
  it('escapes &, < and >', () => {
    expect(escapeMrkdwn('<!channel> a & b <http://x|y>')).toBe('&lt;!channel&gt; a &amp; b &lt;http://x|y&gt;');
  });

  it('no user string can inject a mention or link; every mrkdwn text is verbatim', () => {
    for (const message of [renderBlockKit(hostileView()), renderBlockKit(hostileIntake())]) {
      expect(checkMessage(message)).toEqual([]);
      // plain_text (header, buttons) is never parsed by Slack; mrkdwn and the notification text are.
      const texts = [message.text, ...allBy(message.blocks, 'type', 'mrkdwn').map((t) => String(t.text))];
      for (const t of texts) {
        expect(t).not.toMatch(/<[!@#]|<https?:/);
      }
      const joined = texts.join('\n');
      expect(joined).toContain('&lt;!channel&gt;');
      expect(joined).toContain('&lt;http://evil.example|click me&gt;');
      if (message.text.startsWith('Case')) expect(joined).toContain('&lt;@U123&gt;');
      for (const t of allBy(message.blocks, 'type', 'mrkdwn')) expect(t.verbatim).toBe(true);
    }
  });

  it('the modal carries raw values (inputs are not mrkdwn) and escapes its mrkdwn', () => {
    const modal = renderEditModal(hostileView());
    expect(checkModal(modal as never)).toEqual([]);
    const title = findBy(modal.blocks, 'block_id', 'field_title') as { element: { initial_value: string } };
    expect(title.element.initial_value).toBe(
      HOSTILE.replace(/\s+/g, ' ').slice(0, 500) === '' ? '' : title.element.initial_value,
    );
    expect(allText(findBy(modal.blocks, 'block_id', 'modal_context'))).not.toMatch(/<[!@]|<https?:/);
  });
});

describe('Block Kit limits: 60 fields, 10,000-character values', () => {
  const view = hugeView();

  it('the message stays within every limit and marks what it cut', () => {
    const message = renderBlockKit(view);
    expect(checkMessage(message)).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(allText(message.blocks)).toContain(TRUNCATED);
    expect(message.blocks[0]!.type).toBe('header');
    expect(allBy(message.blocks, 'type', 'button').length).toBe(view.actions.length);
    // Every field is still on the card (grouped when there is no room for a section each).
    const shown = textsOf(message.blocks).join('\n');
    for (const f of view.fields.slice(1)) expect(shown).toContain(`*${f.label}*`);
    expect(message.text.length).toBeLessThanOrEqual(3000);
  });

  it('sections: ≤ 10 fields, field text ≤ 2,000, section text ≤ 3,000', () => {
    for (const b of renderBlockKit(view).blocks) {
      const fields = (b.fields as { text: string }[] | undefined) ?? [];
      expect(fields.length).toBeLessThanOrEqual(10);
      for (const f of fields) expect(f.text.length).toBeLessThanOrEqual(2000);
      const t = (b.text as { text: string } | undefined)?.text ?? '';
      expect(t.length).toBeLessThanOrEqual(b.type === 'header' ? 150 : 3000);
    }
  });

  it('the modal stays within limits, never truncates a value it would save back', () => {
    const modal = renderEditModal(view, { errors: { f1: 'x'.repeat(5000) } });
    expect(checkModal(modal as never)).toEqual([]);
    expect(modal.blocks.length).toBeLessThanOrEqual(100);
    const readonly = modal.blocks.filter((b) => String(b.block_id).startsWith('readonly_'));
    expect(readonly.length).toBeGreaterThan(0);
    for (const input of allBy(modal.blocks, 'type', 'plain_text_input')) {
      expect(String(input.initial_value ?? '').length).toBeLessThanOrEqual(Number(input.max_length));
    }
    const choice = findBy(modal.blocks, 'block_id', 'field_f5') as { element: Record<string, unknown> };
    expect((choice.element.option_groups as unknown[]).length).toBe(2);
  });

  it('a very long conversation id is refused rather than cut', () => {
    expect(() => renderBlockKit({ ...STATES.updated, conversationId: 'c'.repeat(2001) })).toThrow();
  });
});

describe('renderEditModal', () => {
  it('typed inputs with block_id = action_id = field_<key>, callback and metadata', () => {
    const modal = renderEditModal(STATES.updated);
    expect(checkModal(modal as never)).toEqual([]);
    expect(modal).toMatchObject({
      type: 'modal',
      callback_id: 'autocase_edit_case',
      private_metadata: JSON.stringify({ conversationId: 'conv-1' }),
      title: { text: 'Edit case #1042' },
      submit: { text: 'Save' },
    });
    const types = Object.fromEntries(
      STATES.updated.fields.map((f) => {
        const b = findBy(modal.blocks, 'block_id', `field_${f.key}`) as { element: Record<string, unknown> };
        expect(b.element.action_id).toBe(`field_${f.key}`);
        return [f.key, b.element.type];
      }),
    );
    expect(types).toEqual({
      title: 'plain_text_input',
      description: 'plain_text_input',
      customerName: 'plain_text_input',
      email: 'email_text_input',
      phone: 'plain_text_input',
      category: 'static_select',
      priority: 'static_select',
      orderNumber: 'plain_text_input',
      product: 'plain_text_input',
      refundRequested: 'radio_buttons',
      dueDate: 'datepicker',
      seats: 'number_input',
    });
    const description = findBy(modal.blocks, 'block_id', 'field_description') as Record<string, never>;
    expect(description).toMatchObject({ optional: true, element: { multiline: true } });
    expect(findBy(modal.blocks, 'block_id', 'field_title')).not.toHaveProperty('optional');
  });

  it('submitting the untouched modal reads back exactly the stored values', () => {
    const view = STATES.updated;
    const modal = renderEditModal(view);
    const state: SlackViewStateValues = {};
    for (const b of modal.blocks.filter((x) => x.type === 'input')) {
      const el = b.element as Record<string, unknown>;
      state[b.block_id!] = {
        [String(el.action_id)]: {
          type: String(el.type),
          value: (el.initial_value as string | undefined) ?? null,
          ...(el.type === 'datepicker' ? { selected_date: (el.initial_date as string | undefined) ?? null } : {}),
          ...(el.type === 'static_select' || el.type === 'radio_buttons'
            ? { selected_option: (el.initial_option as { value: string } | undefined) ?? null }
            : {}),
        },
      };
    }
    const read = readEditModalValues(state, view.fields);
    const stored = Object.fromEntries(view.fields.map((f) => [f.key, f.value === null ? null : f.value]));
    expect({ ...read, seats: Number(read.seats) }).toEqual(stored);
  });

  it('with no case: the manual create modal, empty inputs', () => {
    const modal = renderEditModal(STATES['not-enough-context']);
    expect(checkModal(modal as never)).toEqual([]);
    expect(modal).toMatchObject({ callback_id: 'autocase_create_case', submit: { text: 'Create' } });
    expect(allBy(modal.blocks, 'initial_value', 'Sam Rivera')).toEqual([]);
  });

  it('errors: under each input, at the top, and as a response_action', () => {
    const modal = renderEditModal(STATES.updated, { errors: { email: '"x" is not an email', nope: 'unknown field' } });
    expect(checkModal(modal as never)).toEqual([]);
    const ids = modal.blocks.map((b) => b.block_id);
    expect(ids.indexOf('error_email')).toBe(ids.indexOf('field_email') + 1);
    expect(allText(findBy(modal.blocks, 'block_id', 'modal_errors'))).toContain('unknown field');
    expect(modalErrors({ email: 'bad' })).toEqual({ response_action: 'errors', errors: { field_email: 'bad' } });
  });
});
