import { fieldsToYaml, MAX_FIELDS_YAML_CHARS, NOT_ADMIN_MESSAGE, saveFieldsYaml } from '../../core/admin/index.js';
import type { CaseStore, Logger } from '../../core/ports.js';
import type { TeamsActivity } from './activity.js';
import { tenantOf } from './activity.js';
import { ADAPTIVE_CONTENT_TYPE } from './connector.js';

/** `data.autocase` of the field editor's buttons: which dialog step a submit belongs to. */
export const OPEN_FIELDS_EDITOR = 'fields.edit';
export const SAVE_FIELDS = 'fields.save';
export const YAML_INPUT_ID = 'fieldsYaml';

type Card = Record<string, unknown>;

const card = (body: Card[], actions: Card[] = []): Card => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
  ...(actions.length ? { actions } : {}),
});

const text = (value: string, extra: Card = {}): Card => ({ type: 'TextBlock', text: value, wrap: true, ...extra });

/** The message `@autocase fields edit` answers with: a button that opens the editor dialog (task module). */
export function fieldsEditorOpenerCard(fieldCount: number): Card {
  return card(
    [
      text('Case fields', { weight: 'bolder', size: 'medium' }),
      text(`${fieldCount} fields. Add, change, remove or reorder them (options, required, AI-managed, hints).`),
    ],
    [
      {
        type: 'Action.Submit',
        title: 'Edit fields',
        data: { msteams: { type: 'task/fetch' }, autocase: OPEN_FIELDS_EDITOR },
      },
    ],
  );
}

/** The editor: the field list as YAML in one multiline input; a refused save shows the reason above it. */
export function fieldsEditorCard(yaml: string, error?: string): Card {
  const body: Card[] = [
    text('Edit case fields', { weight: 'bolder', size: 'medium' }),
    text(
      'One list item per field, in display order: key, label, type (text, longtext, choice, number, date, email, phone, boolean), required, aiManaged, hint, options (choice). Remove an item to remove the field.',
      { isSubtle: true, size: 'small' },
    ),
  ];
  if (error) body.push({ type: 'Container', style: 'attention', items: [text(error, { color: 'attention' })] });
  body.push({
    type: 'Input.Text',
    id: YAML_INPUT_ID,
    label: 'Fields (YAML)',
    isMultiline: true,
    isRequired: true,
    errorMessage: 'The field list is required',
    maxLength: MAX_FIELDS_YAML_CHARS,
    value: yaml,
  });
  return card(body, [{ type: 'Action.Submit', title: 'Save fields', data: { autocase: SAVE_FIELDS } }]);
}

type TaskResponse =
  | { task: { type: 'continue'; value: { title: string; width: string; height: string; card: Card } } }
  | { task: { type: 'message'; value: string } };

const dialog = (content: Card): TaskResponse => ({
  task: {
    type: 'continue',
    value: {
      title: 'autocase fields',
      width: 'large',
      height: 'large',
      card: { contentType: ADAPTIVE_CONTENT_TYPE, content },
    },
  },
});

const message = (value: string): TaskResponse => ({ task: { type: 'message', value } });

export interface FieldsDialogDeps {
  store: CaseStore;
  logger: Logger;
  isAdmin: (activity: TeamsActivity) => Promise<boolean>;
}

/**
 * `task/fetch` opens the editor, `task/submit` validates and saves it. Rights are checked at both steps: the opener
 * button sits in a channel where anyone can press it.
 */
export function createFieldsDialog({ store, logger, isAdmin }: FieldsDialogDeps) {
  return {
    async open(activity: TeamsActivity): Promise<TaskResponse> {
      const tenantId = tenantOf(activity);
      if (!tenantId) return message('This request does not say which Microsoft 365 tenant it is from.');
      if (!(await isAdmin(activity))) return message(NOT_ADMIN_MESSAGE);
      await store.ensureTenant({ id: tenantId, platform: 'teams' });
      return dialog(fieldsEditorCard(fieldsToYaml(await store.getFields(tenantId, { fresh: true }))));
    },

    async submit(activity: TeamsActivity): Promise<TaskResponse> {
      const tenantId = tenantOf(activity);
      if (!tenantId) return message('This request does not say which Microsoft 365 tenant it is from.');
      const data = ((activity.value as { data?: Record<string, unknown> } | undefined)?.data ?? {}) as Record<
        string,
        unknown
      >;
      if (data.autocase !== SAVE_FIELDS) return message('autocase does not know this dialog.');
      if (!(await isAdmin(activity))) return message(NOT_ADMIN_MESSAGE);
      const yaml = typeof data[YAML_INPUT_ID] === 'string' ? (data[YAML_INPUT_ID] as string) : '';
      await store.ensureTenant({ id: tenantId, platform: 'teams' });
      const saved = await saveFieldsYaml(store, tenantId, yaml);
      if (!saved.ok) return dialog(fieldsEditorCard(yaml, saved.message));
      logger.info({ tenantId, fields: saved.fields.length }, 'fields saved from Teams');
      return message(`Saved ${saved.fields.length} fields.`);
    },
  };
}
