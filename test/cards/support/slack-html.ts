/**
 * A simple HTML stand-in for Slack's client, only for README screenshots of Block Kit output. mrkdwn from the renderer
 * is already escaped for `&<>`, so it can go into HTML as is; plain_text is escaped here.
 */
type Json = Record<string, unknown>;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function mrkdwnToHtml(text: string): string {
  const lines = text.split('\n').map((line) => {
    const quote = line.startsWith('>');
    let l = quote ? line.slice(1) : line;
    l = l
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1<b>$2</b>')
      .replace(/(^|[\s(])_([^_\n]+)_/g, '$1<i>$2</i>');
    return quote ? `<span class="quote">${l}</span>` : l;
  });
  return lines.join('<br>');
}

function textHtml(t: unknown): string {
  const o = t as Json | undefined;
  if (!o) return '';
  return o.type === 'mrkdwn' ? mrkdwnToHtml(String(o.text)) : esc(String(o.text));
}

function elementHtml(e: Json): string {
  switch (e.type) {
    case 'button':
      return `<button class="btn ${String(e.style ?? '')}">${textHtml(e.text)}</button>`;
    case 'static_select': {
      const initial = e.initial_option as Json | undefined;
      return `<div class="select">${initial ? textHtml(initial.text) : `<span class="ph">${textHtml(e.placeholder)}</span>`} ▾</div>`;
    }
    case 'radio_buttons':
      return (e.options as Json[])
        .map((o) => {
          const on = JSON.stringify(o) === JSON.stringify(e.initial_option);
          return `<label class="radio">${on ? '◉' : '○'} ${textHtml(o.text)}</label>`;
        })
        .join(' ');
    case 'datepicker':
      return `<div class="input">📅 ${esc(String(e.initial_date ?? 'Select a date'))}</div>`;
    case 'plain_text_input':
      return e.multiline
        ? `<div class="input multi">${esc(String(e.initial_value ?? ''))}</div>`
        : `<div class="input">${esc(String(e.initial_value ?? ''))}</div>`;
    default:
      return `<div class="input">${esc(String(e.initial_value ?? ''))}</div>`;
  }
}

export function blocksToHtml(blocks: Json[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'header':
          return `<div class="header">${textHtml(b.text)}</div>`;
        case 'context':
          return `<div class="context">${(b.elements as Json[]).map(textHtml).join(' ')}</div>`;
        case 'section': {
          const fields = b.fields as Json[] | undefined;
          if (fields) return `<div class="fields">${fields.map((f) => `<div>${textHtml(f)}</div>`).join('')}</div>`;
          return `<div class="section">${textHtml(b.text)}</div>`;
        }
        case 'actions':
          return `<div class="actions">${(b.elements as Json[]).map(elementHtml).join('')}</div>`;
        case 'input':
          return `<div class="inputblock"><div class="label">${textHtml(b.label)}${b.optional ? ' <span class="opt">(optional)</span>' : ''}</div>${elementHtml(b.element as Json)}${b.hint ? `<div class="hint">${textHtml(b.hint)}</div>` : ''}</div>`;
        default:
          return '<hr>';
      }
    })
    .join('\n');
}

const STYLE = `
  body { margin: 0; padding: 16px; background: #fff; font: 15px/1.46 'Liberation Sans', 'DejaVu Sans', 'Noto Color Emoji', sans-serif; color: #1d1c1d; }
  .msg { display: flex; gap: 8px; width: 640px; }
  .avatar { width: 36px; height: 36px; border-radius: 6px; background: #5B5FC7; color: #fff; font-weight: bold; display: flex; align-items: center; justify-content: center; flex: none; }
  .who { font-weight: bold; } .app { background: #eee; color: #616061; font-size: 10px; padding: 1px 3px; border-radius: 2px; margin-left: 4px; }
  .header { font-size: 18px; font-weight: 900; margin: 4px 0; }
  .context { font-size: 12px; color: #616061; margin: 4px 0; }
  .section { margin: 6px 0; }
  .fields { display: grid; grid-template-columns: 1fr 1fr; gap: 6px 16px; margin: 6px 0; }
  .quote { border-left: 4px solid #ddd; padding-left: 8px; display: inline-block; }
  code { background: #f6f6f6; border: 1px solid #ddd; border-radius: 3px; padding: 0 2px; font-size: 12px; }
  .actions { display: flex; gap: 8px; flex-wrap: wrap; margin: 8px 0; }
  .btn { border: 1px solid #bbb; background: #fff; border-radius: 4px; padding: 4px 12px; font-weight: bold; font-size: 13px; }
  .btn.primary { background: #007a5a; color: #fff; border-color: #007a5a; } .btn.danger { color: #e01e5a; }
  .modal { width: 520px; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.25); }
  .modal .top { padding: 16px 20px; font-size: 20px; font-weight: 900; border-bottom: 1px solid #ddd; }
  .modal .body { padding: 12px 20px; } .modal .foot { padding: 12px 20px; border-top: 1px solid #ddd; display: flex; justify-content: flex-end; gap: 8px; }
  .inputblock { margin: 10px 0; } .label { font-weight: bold; margin-bottom: 4px; } .opt { font-weight: normal; color: #616061; }
  .hint { font-size: 12px; color: #616061; } .ph { color: #888; }
  .input, .select { border: 1px solid #bbb; border-radius: 4px; padding: 6px 8px; min-height: 20px; }
  .input.multi { min-height: 60px; } .radio { margin-right: 12px; }
`;

export function messageHtml(message: { blocks: Json[] }): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body>
<div class="msg" id="shot"><div class="avatar">AC</div><div><div><span class="who">autocase</span><span class="app">APP</span></div>
${blocksToHtml(message.blocks)}</div></div></body></html>`;
}

export function modalHtml(view: Json): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body>
<div class="modal" id="shot"><div class="top">${textHtml(view.title)}</div><div class="body">${blocksToHtml(view.blocks as Json[])}</div>
<div class="foot"><button class="btn">${textHtml(view.close)}</button>${view.submit ? `<button class="btn primary">${textHtml(view.submit)}</button>` : ''}</div></div>
</body></html>`;
}
