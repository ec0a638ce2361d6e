/**
 * What a Slack user sees: the Block Kit message the Slack adapter posts, drawn as plain HTML (header, sections,
 * fields, context, buttons). Only the blocks autocase sends are drawn; anything else shows as its type name.
 */
(() => {
  const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };
  const decode = (s) => s.replace(/&(amp|lt|gt);/g, (m) => ENTITIES[m]);

  function el(tag, className, children = []) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const child of children) node.append(child);
    return node;
  }

  /** Slack mrkdwn (`*bold*`, `_italic_`, `~strike~`, `` `code` ``, `<url|label>`) as DOM nodes, never as HTML. */
  function mrkdwn(text) {
    const out = [];
    const pattern = /\*([^*\n]+)\*|_([^_\n]+)_|~([^~\n]+)~|`([^`\n]+)`|<([^|>\n]+)(?:\|([^>\n]+))?>/g;
    let last = 0;
    for (const m of text.matchAll(pattern)) {
      if (m.index > last) out.push(decode(text.slice(last, m.index)));
      if (m[1] !== undefined) out.push(el('strong', '', [decode(m[1])]));
      else if (m[2] !== undefined) out.push(el('em', '', [decode(m[2])]));
      else if (m[3] !== undefined) out.push(el('s', '', [decode(m[3])]));
      else if (m[4] !== undefined) out.push(el('code', '', [decode(m[4])]));
      else out.push(decode(m[6] ?? m[5]));
      last = m.index + m[0].length;
    }
    if (last < text.length) out.push(decode(text.slice(last)));
    return out;
  }

  function textOf(obj) {
    if (!obj) return [];
    return obj.type === 'mrkdwn' ? mrkdwn(obj.text) : [obj.text];
  }

  function lines(nodes) {
    // Newlines in Slack text are line breaks.
    const out = [];
    for (const node of nodes) {
      if (typeof node !== 'string') {
        out.push(node);
        continue;
      }
      node.split('\n').forEach((part, i) => {
        if (i > 0) out.push(document.createElement('br'));
        out.push(part);
      });
    }
    return out;
  }

  function renderBlock(block) {
    switch (block.type) {
      case 'header':
        return el('div', 'bk-header', textOf(block.text));
      case 'section': {
        const section = el('div', 'bk-section');
        if (block.text) section.append(el('div', 'bk-text', lines(textOf(block.text))));
        if (Array.isArray(block.fields)) {
          section.append(
            el(
              'div',
              'bk-fields',
              block.fields.map((f) => el('div', 'bk-field', lines(textOf(f)))),
            ),
          );
        }
        return section;
      }
      case 'context':
        return el(
          'div',
          'bk-context',
          (block.elements ?? []).map((e) => el('span', '', lines(e.type === 'image' ? [e.alt_text ?? ''] : textOf(e)))),
        );
      case 'divider':
        return el('hr', 'bk-divider');
      case 'actions':
        return el(
          'div',
          'bk-actions',
          (block.elements ?? []).map((e) => {
            const button = el('span', `bk-button ${e.style ? `bk-${e.style}` : ''}`, textOf(e.text));
            button.title = 'In Slack this button does the same as on the Teams card';
            return button;
          }),
        );
      default:
        return el('div', 'bk-unknown', [`[${block.type}]`]);
    }
  }

  function renderBlockKit(message) {
    const root = el('div', 'bk-message');
    const head = el('div', 'bk-author', [el('strong', '', ['autocase']), el('span', 'bk-app', ['APP'])]);
    root.append(head, ...message.blocks.map(renderBlock));
    return root;
  }

  window.autocaseBlockKit = { renderBlockKit };
})();
