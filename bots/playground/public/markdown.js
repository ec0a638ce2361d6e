/**
 * The small Markdown subset the case card uses (bold, italic, line breaks), for the Adaptive Cards renderer. Card text
 * arrives backslash-escaped (cards/adaptive/escape.ts): escaped characters are shown as typed, and everything is
 * HTML-escaped before any tag is added, so a customer's words can never become markup.
 */
(() => {
  const HTML = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => HTML[c]);

  function renderMarkdown(text) {
    const escaped = [];
    let s = String(text).replace(/\\([\\`*_[\]()~<>{}#+\-.!|])/g, (_m, c) => {
      escaped.push(c);
      return `\uE000${escaped.length - 1}\uE000`;
    });
    s = escapeHtml(s)
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[\s(])_([^_]+)_(?=$|[\s).,!?:;])/g, '$1<em>$2</em>')
      .replace(/\uE000(\d+)\uE000/g, (_m, i) => escapeHtml(escaped[Number(i)]))
      .replace(/\n/g, '<br>');
    return `<p>${s}</p>`;
  }

  window.autocaseMarkdown = { renderMarkdown, escapeHtml };
})();
