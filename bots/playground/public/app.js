/**
 * The playground page: a support channel with two composers and the real case card. Every change comes back over the
 * event stream, so a second tab stays in step without reloading.
 */
(() => {
  const API = 'api';
  const $ = (id) => document.getElementById(id);
  const { renderMarkdown } = window.autocaseMarkdown;
  const { renderBlockKit } = window.autocaseBlockKit;
  const AC = window.AdaptiveCards;

  const state = {
    conversations: [],
    selected: null,
    /** The card on screen (its seq tells a newer card from an older one that arrived late). */
    card: null,
    /** A view card that arrived while the edit form was open; shown once the form closes. */
    pending: null,
    suggestion: null,
    view: 'teams',
  };

  // ---------------------------------------------------------------------------------------------------------------
  // API

  class ApiError extends Error {
    constructor(message, body) {
      super(message);
      this.body = body;
    }
  }

  async function api(method, path, body) {
    const res = await fetch(`${API}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let json = null;
    try {
      json = await res.json();
    } catch {
      // A proxy error page or an empty body: the status says enough below.
    }
    if (!res.ok) {
      throw new ApiError(json?.error ?? `The server answered ${res.status}. Try again.`, json ?? {});
    }
    return json;
  }

  function showError(form, error) {
    const target = form.querySelector('[data-error]');
    target.textContent = error ? error.message : '';
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Conversation list

  function renderList() {
    const list = $('conversation-list');
    list.replaceChildren(
      ...state.conversations.map((c) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'conversation';
        button.dataset.id = c.id;
        if (c.id === state.selected) button.setAttribute('aria-current', 'true');
        const title = document.createElement('span');
        title.className = 'conversation-title';
        title.textContent = c.caseNumber ? `#${c.caseNumber} ${c.title ?? ''}` : (c.preview ?? 'New conversation');
        const meta = document.createElement('span');
        meta.className = `conversation-meta state-${c.state}`;
        meta.textContent = `${c.customer ?? 'Customer'} · ${c.stateLabel}`;
        button.append(title, meta);
        button.addEventListener('click', () => select(c.id));
        item.append(button);
        return item;
      }),
    );
    $('no-conversations').hidden = state.conversations.length > 0;
  }

  async function loadList() {
    const { conversations } = await api('GET', '/conversations');
    state.conversations = conversations;
    renderList();
  }

  let listTimer = null;
  function refreshListSoon() {
    clearTimeout(listTimer);
    listTimer = setTimeout(() => loadList().catch(() => {}), 150);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Thread

  function renderMessages(messages) {
    const list = $('messages');
    list.replaceChildren(
      ...messages.map((m) => {
        const item = document.createElement('li');
        item.className = `message role-${m.role}`;
        item.dataset.id = m.id;
        const head = document.createElement('div');
        head.className = 'message-head';
        const author = document.createElement('strong');
        author.textContent = m.author;
        const role = document.createElement('span');
        role.className = 'role';
        role.textContent = m.role;
        const time = document.createElement('time');
        time.dateTime = m.sentAt;
        time.textContent = new Date(m.sentAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
        head.append(author, role, time);
        const text = document.createElement('p');
        text.className = 'message-text';
        text.textContent = m.text;
        item.append(head, text);
        return item;
      }),
    );
    $('thread-empty').hidden = messages.length > 0;
    list.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }

  /** Title and state badge of the thread, from the conversation or from the latest card (which may be newer). */
  function renderThreadState(s) {
    $('thread-title').textContent = s
      ? `${s.customer ?? 'Customer'}${s.assignedAgent ? ` with ${s.assignedAgent}` : ''}`
      : 'New conversation';
    const badge = $('thread-state');
    badge.hidden = !s;
    if (s) {
      badge.textContent = s.stateLabel;
      badge.className = `badge state-${s.state}`;
    }
  }

  function renderThreadHead(payload) {
    const conversation = payload?.conversation;
    renderThreadState(conversation);
    $('customer-name-row').hidden = Boolean(conversation);
    $('agent-composer').hidden = !conversation;
    state.suggestion = payload?.suggestion ?? null;
    $('use-suggestion').hidden = !state.suggestion;
  }

  async function select(id, { focus = true } = {}) {
    state.selected = id;
    state.card = null;
    state.pending = null;
    history.replaceState(null, '', id ? `#c=${id}` : '#');
    renderList();
    if (!id) {
      renderThreadHead(null);
      renderMessages([]);
      renderCard(null);
      if (focus) $('customer-text').focus();
      return;
    }
    try {
      const payload = await api('GET', `/conversations/${id}`);
      if (state.selected !== id) return;
      renderThreadHead(payload);
      renderMessages(payload.messages);
      applyCard(payload.card, { own: true });
      if (focus) $('customer-text').focus();
    } catch (error) {
      showNotice(error.message, true);
    }
  }

  async function refreshThread() {
    if (!state.selected) return;
    const id = state.selected;
    const payload = await api('GET', `/conversations/${id}`);
    if (state.selected !== id) return;
    renderThreadHead(payload);
    renderMessages(payload.messages);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The card

  function showNotice(text, isError = false) {
    const notice = $('notice');
    const error = $('card-error');
    notice.hidden = isError || !text;
    error.hidden = !isError || !text;
    (isError ? error : notice).textContent = text ?? '';
  }

  /** Shows a card unless the page already has a newer one; an open edit form is never swapped out by someone else. */
  function applyCard(card, { own = false } = {}) {
    if (!card || card.conversationId !== state.selected) return;
    if (state.card && card.seq <= state.card.seq) return;
    if (!own && state.card?.mode === 'edit' && card.mode !== 'edit') {
      state.pending = card;
      $('card-stale').hidden = false;
      return;
    }
    state.pending = null;
    $('card-stale').hidden = true;
    state.card = card;
    renderCard(card);
    const { view } = card;
    renderThreadState({
      customer: view.customer?.name,
      assignedAgent: view.assignedAgent?.name,
      state: view.state,
      stateLabel: view.stateLabel,
    });
    if (card.error) showNotice(card.error, true);
    else if (card.notice) showNotice(card.notice);
    else if (own) showNotice(null);
  }

  // Teams-like colours, so the card looks as it does in the Teams client (highlights in accent, errors in attention).
  const hostConfig = new AC.HostConfig({
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    supportsInteractivity: true,
    spacing: { small: 6, default: 10, medium: 16, large: 24, extraLarge: 32, padding: 12 },
    containerStyles: {
      default: {
        backgroundColor: '#FFFFFF',
        foregroundColors: {
          default: { default: '#242424', subtle: '#616161' },
          accent: { default: '#4F52B2', subtle: '#6264A7' },
          good: { default: '#237B4B', subtle: '#237B4B' },
          warning: { default: '#8A5A00', subtle: '#8A5A00' },
          attention: { default: '#C4314B', subtle: '#C4314B' },
        },
      },
      emphasis: { backgroundColor: '#F5F5F5' },
      accent: { backgroundColor: '#E8EBFA' },
      good: { backgroundColor: '#E7F2DA' },
      warning: { backgroundColor: '#FBF6D9' },
      attention: { backgroundColor: '#FCF4F6' },
    },
    actions: { maxActions: 8, buttonSpacing: 8, actionsOrientation: 'horizontal', actionAlignment: 'left' },
  });

  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = renderMarkdown(text);
    result.didProcess = true;
  };

  function renderCard(card) {
    const teams = $('card-teams');
    const slack = $('card-slack');
    $('card-empty').hidden = Boolean(card);
    if (!card) {
      teams.replaceChildren();
      slack.replaceChildren();
      $('json-adaptive').textContent = '';
      $('json-blockkit').textContent = '';
      showNotice(null);
      return;
    }
    // Re-rendering replaces every button: keep a keyboard user's place (same button, else the card's first one).
    const focusedTitle = teams.contains(document.activeElement) ? document.activeElement.textContent : null;
    const adaptive = new AC.AdaptiveCard();
    adaptive.hostConfig = hostConfig;
    adaptive.onExecuteAction = (action) => {
      if (action instanceof AC.ExecuteAction) runAction(action.verb, action.data);
    };
    adaptive.parse(card.adaptive);
    const rendered = adaptive.render();
    // The renderer lets an auto-width column shrink below its own text ("Why?" would be cut off next to long values).
    for (const column of rendered?.querySelectorAll('[id^="why-"]') ?? []) column.style.flexShrink = '0';
    teams.replaceChildren(rendered ?? document.createTextNode('This card could not be drawn.'));
    teams.dataset.mode = card.mode;
    teams.setAttribute('aria-busy', String(card.view.banners.some((b) => b.kind === 'filling')));
    slack.replaceChildren(renderBlockKit(card.blockKit));
    $('json-adaptive').textContent = JSON.stringify(card.adaptive, null, 2);
    $('json-blockkit').textContent = JSON.stringify(card.blockKit, null, 2);
    if (card.mode === 'edit') {
      // Straight to the first input with a problem, else the first input.
      const firstError = Object.keys(card.fieldErrors ?? {})[0];
      const scope = (firstError && document.getElementById(`edit-${firstError}`)) || teams;
      scope.querySelector('input, textarea, select')?.focus();
    } else if (focusedTitle !== null) {
      const buttons = [...teams.querySelectorAll('button')];
      (buttons.find((b) => b.textContent === focusedTitle) ?? buttons[0])?.focus();
    }
    watchFilling(card);
  }

  /**
   * A slow action's result normally arrives over the event stream. If it does not (the job failed for good, or another
   * server process ran it), fetch the card as stored rather than show "Filling fields…" forever.
   */
  // Longer than an LLM prediction with its retries (30 s per attempt) before the offline fallback answers.
  const FILLING_CHECK_MS = 120_000;
  let fillingTimer = null;
  function watchFilling(card) {
    clearTimeout(fillingTimer);
    if (!card.view.banners.some((b) => b.kind === 'filling')) return;
    fillingTimer = setTimeout(async () => {
      if (state.card !== card) return;
      try {
        const payload = await api('GET', `/conversations/${card.conversationId}`);
        applyCard(payload.card);
        showNotice('No result yet; this is the card as stored. If nothing changes, try the action again.', true);
      } catch {
        // The event stream's reconnect will catch up.
      }
    }, FILLING_CHECK_MS);
  }

  let acting = false;
  async function runAction(verb, data) {
    if (acting || !state.selected) return;
    acting = true;
    const id = state.selected;
    try {
      const { card } = await api('POST', `/conversations/${id}/actions`, { verb, data });
      applyCard(card, { own: true });
    } catch (error) {
      // A refused action still answers with the card as it is (e.g. the edit form with errors under each input).
      if (error.body?.card) applyCard(error.body.card, { own: true });
      showNotice(error.message, true);
    } finally {
      acting = false;
    }
  }

  function setView(view) {
    state.view = view;
    for (const button of document.querySelectorAll('.segmented button')) {
      button.setAttribute('aria-pressed', String(button.dataset.view === view));
    }
    $('card-teams').hidden = view !== 'teams';
    $('card-slack-view').hidden = view !== 'slack';
    $('card-json').hidden = view !== 'json';
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Composers

  function busy(form, on) {
    for (const control of form.querySelectorAll('button, textarea, input')) control.disabled = on;
  }

  async function sendCustomer(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const text = $('customer-text').value;
    showError(form, null);
    busy(form, true);
    try {
      if (state.selected) {
        await api('POST', `/conversations/${state.selected}/messages`, { role: 'customer', text });
        $('customer-text').value = '';
        await refreshThread();
      } else {
        const customerName = $('customer-name').value.trim() || undefined;
        const payload = await api('POST', '/conversations', { text, customerName });
        $('customer-text').value = '';
        await loadList();
        await select(payload.conversation.id, { focus: false });
      }
    } catch (error) {
      showError(form, error);
    } finally {
      busy(form, false);
      $('customer-text').focus();
    }
  }

  async function sendAgent(event) {
    event.preventDefault();
    const form = event.currentTarget;
    showError(form, null);
    busy(form, true);
    try {
      await api('POST', `/conversations/${state.selected}/messages`, { role: 'agent', text: $('agent-text').value });
      $('agent-text').value = '';
      await refreshThread();
    } catch (error) {
      showError(form, error);
    } finally {
      busy(form, false);
      $('agent-text').focus();
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Samples

  async function loadSamples() {
    const { samples } = await api('GET', '/samples');
    $('sample-select').replaceChildren(
      ...samples.map((s) => {
        const option = document.createElement('option');
        option.value = s.id;
        option.textContent = `${s.title} (${s.customer})`;
        option.title = s.summary;
        return option;
      }),
    );
  }

  async function loadSample(event) {
    event.preventDefault();
    const button = $('load-sample');
    button.disabled = true;
    try {
      const payload = await api('POST', `/samples/${encodeURIComponent($('sample-select').value)}`);
      await loadList();
      await select(payload.conversation.id, { focus: false });
      $('thread').focus();
    } catch (error) {
      showNotice(error.message, true);
    } finally {
      button.disabled = false;
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Admin

  let fieldsDirty = false;

  async function loadAdmin() {
    const [{ yaml }, { settings }] = await Promise.all([api('GET', '/admin/fields'), api('GET', '/admin/settings')]);
    if (!fieldsDirty) $('fields-yaml').value = yaml;
    $('setting-protect').checked = settings.protectManualEdits;
    $('setting-threshold').value = String(settings.confidenceThreshold);
    $('setting-region').value = settings.phoneRegion;
  }

  async function saveFields(event) {
    event.preventDefault();
    const form = event.currentTarget;
    showError(form, null);
    form.querySelector('[data-ok]').textContent = '';
    try {
      const { yaml } = await api('PUT', '/admin/fields', { yaml: $('fields-yaml').value });
      fieldsDirty = false;
      $('fields-yaml').value = yaml;
      form.querySelector('[data-ok]').textContent = 'Fields saved. New cards use them.';
      if (state.selected) await select(state.selected, { focus: false });
    } catch (error) {
      showError(form, error);
      $('fields-yaml').focus();
    }
  }

  async function saveSettings(event) {
    event.preventDefault();
    const form = event.currentTarget;
    showError(form, null);
    form.querySelector('[data-ok]').textContent = '';
    try {
      await api('PUT', '/admin/settings', {
        protectManualEdits: $('setting-protect').checked,
        confidenceThreshold: $('setting-threshold').value,
        phoneRegion: $('setting-region').value,
      });
      form.querySelector('[data-ok]').textContent = 'Settings saved.';
    } catch (error) {
      showError(form, error);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Live updates

  function connect() {
    const live = $('live');
    const events = new EventSource(`${API}/events`);
    events.addEventListener('ready', () => {
      live.textContent = 'Live';
      live.dataset.state = 'live';
      // After a reconnect, catch up on whatever happened meanwhile.
      loadList().catch(() => {});
      refreshThread().catch(() => {});
    });
    events.addEventListener('error', () => {
      live.textContent = 'Reconnecting…';
      live.dataset.state = 'offline';
    });
    events.addEventListener('message', (event) => {
      const data = JSON.parse(event.data);
      refreshListSoon();
      if (data.conversationId === state.selected) refreshThread().catch(() => {});
    });
    events.addEventListener('card', (event) => {
      const data = JSON.parse(event.data);
      refreshListSoon();
      applyCard(data.card);
    });
    events.addEventListener('admin', (event) => {
      if ($('admin').open) loadAdmin().catch(() => {});
      // New field definitions change every card: draw the open one again.
      if (JSON.parse(event.data).what === 'fields' && state.selected) {
        api('GET', `/conversations/${state.selected}`)
          .then((payload) => applyCard(payload.card))
          .catch(() => {});
      }
    });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Start

  function start() {
    $('customer-composer').addEventListener('submit', sendCustomer);
    $('agent-composer').addEventListener('submit', sendAgent);
    for (const [id, form] of [
      ['customer-text', 'customer-composer'],
      ['agent-text', 'agent-composer'],
    ]) {
      // Enter sends, Shift+Enter adds a line: as in Slack and Teams.
      $(id).addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          $(form).requestSubmit();
        }
      });
    }
    $('use-suggestion').addEventListener('click', () => {
      $('customer-text').value = state.suggestion ?? '';
      $('customer-text').focus();
    });
    $('new-conversation').addEventListener('click', () => select(null));
    $('sample-form').addEventListener('submit', loadSample);
    for (const button of document.querySelectorAll('.segmented button')) {
      button.addEventListener('click', () => setView(button.dataset.view));
    }
    $('open-admin').addEventListener('click', () => {
      $('admin').showModal();
      loadAdmin().catch((error) => showError($('fields-form'), error));
    });
    $('close-admin').addEventListener('click', () => $('admin').close());
    $('fields-yaml').addEventListener('input', () => {
      fieldsDirty = true;
    });
    $('fields-form').addEventListener('submit', saveFields);
    $('settings-form').addEventListener('submit', saveSettings);

    renderThreadHead(null);
    connect();
    loadSamples().catch((error) => showNotice(error.message, true));
    const fromHash = /^#c=([0-9a-f-]+)$/.exec(location.hash)?.[1] ?? null;
    loadList()
      .then(() => select(fromHash, { focus: false }))
      .catch((error) => showNotice(error.message, true));
  }

  start();
})();
