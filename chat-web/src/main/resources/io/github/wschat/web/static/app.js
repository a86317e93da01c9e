// The chat page: sign-in, rooms, messages, members, the connection state, on WsChatClient.
// Text is text: every element is made with createElement and filled with textContent, never parsed
// from a string, so no message, name or room can bring markup or script into the page.

import { WsChatClient } from './wschat.js';

const $ = (id) => document.getElementById(id);
const STATE_LABELS = { connecting: 'connecting…', open: 'connected', reconnecting: 'reconnecting…', closed: 'closed' };
const SESSION_KEY = 'wschat.session';

const page = {
  config: null,
  client: null,
  me: null,
  current: null,
  /** room → Map seq → message, what the room has shown, so that switching back shows it again. */
  messages: new Map(),
  rooms: [],
};

function el(tag, { text, className, attrs = {} } = {}, ...children) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  for (const [name, value] of Object.entries(attrs)) {
    node.setAttribute(name, String(value));
  }
  node.append(...children);
  return node;
}

function showError(code, message) {
  const box = $('error');
  box.textContent = message ? `${code}: ${message}` : code;
  box.dataset.code = code;
  box.hidden = false;
}

function clearError() {
  const box = $('error');
  box.textContent = '';
  delete box.dataset.code;
  box.hidden = true;
}

async function loadConfig() {
  const response = await fetch('./config.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`config.json answered ${response.status}`);
  }
  const config = await response.json();
  if (typeof config.webSocketUrl !== 'string' || !/^wss?:\/\//.test(config.webSocketUrl)) {
    throw new Error('config.json has no webSocketUrl (ws:// or wss://)');
  }
  return config;
}

/** The claims of a JWT, read only to show who is signed in; the server verifies the token. */
function claimsOf(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(
      [...atob(part)].map((c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''),
    );
    return JSON.parse(json);
  } catch {
    return {};
  }
}

async function fetchToken(url) {
  const response = await fetch(url, { cache: 'no-store' });
  const body = (await response.text()).trim();
  if (!response.ok) {
    throw new Error(`the token URL answered ${response.status}: ${body.slice(0, 200)}`);
  }
  return body;
}

function devTokenUrl(name, grants) {
  const url = new URL(page.config.devTokenUrl, location.href);
  url.searchParams.set('user', name);
  url.searchParams.set('name', name);
  if (grants) {
    url.searchParams.set('rooms', grants);
  }
  return url.toString();
}

/** How this sign-in gets its token: a pasted one, a token URL, the dev issuer, or none (anonymous). */
function tokenSource({ name, grants, token, tokenUrl }) {
  if (token) {
    return token;
  }
  if (tokenUrl) {
    return () => fetchToken(tokenUrl);
  }
  if (page.config.devTokenUrl) {
    return () => fetchToken(devTokenUrl(name, grants));
  }
  return undefined;
}

async function signIn(form) {
  clearError();
  const name = form.name.trim();
  let source = tokenSource(form);
  let me = { userId: null, name: name || 'anonymous' };
  if (typeof source === 'function') {
    // one token now, to show a refusal here rather than as reconnects; the client asks again at each reconnect
    const first = await source();
    const claims = claimsOf(first);
    me = { userId: claims.sub ?? name, name: claims.name ?? claims.preferred_username ?? name };
    const again = source;
    let firstUnused = first;
    source = async () => {
      if (firstUnused) {
        const t = firstUnused;
        firstUnused = null;
        return t;
      }
      return again();
    };
  } else if (typeof source === 'string') {
    const claims = claimsOf(source);
    me = { userId: claims.sub ?? null, name: claims.name ?? claims.preferred_username ?? claims.sub ?? name };
  }
  page.me = me;
  // a pasted token is not kept: a reload asks for it again
  const mode = form.token ? 'token' : 'fetched';
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ mode, name, grants: form.grants, tokenUrl: form.tokenUrl, rooms: [] }));
  startChat(source);
}

function startChat(token) {
  const client = new WsChatClient({ url: page.config.webSocketUrl, token, user: page.me });
  page.client = client;
  client.addEventListener('state', (e) => showState(e.detail.state));
  client.addEventListener('message', (e) => addMessage(e.detail));
  client.addEventListener('presence', (e) => {
    if (e.detail.room === page.current) {
      refreshMembers();
    }
  });
  client.addEventListener('joined', (e) => {
    if (e.detail.room === page.current) {
      refreshMembers();
    }
  });
  client.addEventListener('truncated', (e) =>
    showError('truncated', `older messages of ${e.detail.room} have expired and are not shown`),
  );
  client.addEventListener('error', (e) => showError(e.detail.code, e.detail.error));
  window.addEventListener('online', () => client.reconnect());

  $('signin').hidden = true;
  $('chat').hidden = false;
  $('me').hidden = false;
  $('me').textContent = page.me.name;
  client.connect();
}

function showState(state) {
  const badge = $('state');
  badge.dataset.state = state;
  badge.textContent = STATE_LABELS[state] ?? state;
}

// --- rooms ----------------------------------------------------------------------------------------

async function joinRoom(room) {
  clearError();
  if (!page.rooms.includes(room)) {
    page.rooms.push(room);
    page.messages.set(room, new Map());
  }
  // the client has the room before anything asks about it: members then waits for its joined
  const joining = page.client.join(room);
  selectRoom(room);
  try {
    await joining;
    saveRooms();
    if (room === page.current) {
      refreshMembers();
    }
  } catch (error) {
    page.rooms = page.rooms.filter((r) => r !== room);
    page.messages.delete(room);
    if (page.current === room) {
      selectRoom(page.rooms[0] ?? null);
    }
    renderRooms();
    showError(error.code ?? 'error', error.code === 'forbidden' ? `you may not enter ${room}` : error.message);
  }
}

async function leaveRoom(room) {
  page.rooms = page.rooms.filter((r) => r !== room);
  page.messages.delete(room);
  selectRoom(page.rooms[0] ?? null);
  renderRooms();
  saveRooms();
  try {
    await page.client.leave(room);
  } catch (error) {
    showError(error.code ?? 'error', error.message);
  }
}

function saveRooms() {
  const saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? '{}');
  saved.rooms = page.rooms;
  saved.current = page.current;
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(saved));
}

function selectRoom(room) {
  page.current = room;
  $('room-title').textContent = room ?? 'Join a room';
  $('message-input').disabled = room === null;
  $('send-button').disabled = room === null;
  $('room-leave').hidden = room === null;
  const list = $('message-list');
  list.replaceChildren();
  if (room !== null) {
    const held = [...page.messages.get(room).values()].sort((a, b) => a.seq - b.seq);
    list.append(...held.map(messageItem));
    list.lastElementChild?.scrollIntoView({ block: 'end' });
    refreshMembers();
    saveRooms();
  } else {
    $('member-list').replaceChildren();
  }
  renderRooms();
}

function renderRooms() {
  $('room-list').replaceChildren(
    ...page.rooms.map((room) => {
      const button = el('button', { text: room, attrs: { type: 'button', 'data-room': room, 'data-testid': 'room-item' } });
      if (room === page.current) {
        button.setAttribute('aria-current', 'true');
      }
      button.addEventListener('click', () => selectRoom(room));
      return el('li', {}, button);
    }),
  );
}

// --- messages -------------------------------------------------------------------------------------

function messageItem(m) {
  const sent = new Date(m.sentAt);
  const time = el('time', {
    text: Number.isNaN(sent.getTime()) ? '' : sent.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
    attrs: { datetime: m.sentAt ?? '', title: Number.isNaN(sent.getTime()) ? '' : sent.toLocaleString() },
  });
  const author = el('span', { text: m.from?.name ?? (m.own ? page.me?.name ?? 'you' : 'unknown'), className: 'author' });
  const text = el('p', { text: m.text ?? '', className: 'text' });
  return el(
    'li',
    {
      className: m.own ? 'message own' : 'message',
      attrs: { 'data-seq': m.seq, 'data-id': m.id ?? '', 'data-testid': 'message' },
    },
    el('div', { className: 'meta' }, author, time),
    text,
  );
}

function addMessage(m) {
  const held = page.messages.get(m.room);
  if (!held || held.has(m.seq)) {
    return;
  }
  held.set(m.seq, m);
  if (m.room !== page.current) {
    return;
  }
  const list = $('message-list');
  const item = messageItem(m);
  // in seq order, also for a late message the client had counted as a gap
  const after = [...list.children].find((li) => Number(li.dataset.seq) > m.seq);
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  list.insertBefore(item, after ?? null);
  if (atBottom || m.own) {
    item.scrollIntoView({ block: 'end' });
  }
}

async function send(text) {
  const room = page.current;
  try {
    await page.client.publish(room, text);
  } catch (error) {
    showError(error.code ?? 'error', error.message);
  }
}

// --- members --------------------------------------------------------------------------------------

async function refreshMembers() {
  const room = page.current;
  if (room === null || !page.client || page.client.state !== 'open') {
    return;
  }
  try {
    const members = await page.client.members(room);
    if (room !== page.current) {
      return;
    }
    $('member-list').replaceChildren(
      ...members.map((m) =>
        el(
          'li',
          { attrs: { 'data-user-id': m.userId, 'data-testid': 'member' } },
          el('span', { text: m.name, className: 'member-name' }),
          el('span', {
            text: String(m.connections),
            className: 'connections',
            attrs: { title: `${m.connections} connection${m.connections === 1 ? '' : 's'}` },
          }),
        ),
      ),
    );
  } catch (error) {
    // a refused join tells its own error; a room left or a client closed is no error of members
    if (page.rooms.includes(room) && !['forbidden', 'left', 'closed'].includes(error.code)) {
      showError(error.code ?? 'error', error.message);
    }
  }
}

// --- start ----------------------------------------------------------------------------------------

function formValues() {
  return {
    name: $('signin-user').value,
    grants: $('signin-grants').value.trim(),
    token: $('signin-token').value.trim(),
    tokenUrl: $('signin-token-url').value.trim(),
  };
}

async function main() {
  try {
    page.config = await loadConfig();
  } catch (error) {
    showError('config', error.message);
    $('signin-button').disabled = true;
    return;
  }
  $('signin-dev').hidden = !page.config.devTokenUrl;
  $('signin-mode').textContent = page.config.devTokenUrl
    ? 'Local development: a token for this name comes from the development issuer.'
    : 'Paste a token or a token URL; with neither you are anonymous.';

  $('signin-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('signin-button').disabled = true;
    try {
      await signIn(formValues());
    } catch (error) {
      showError('sign-in', error.message);
      $('signin-button').disabled = false;
    }
  });
  $('room-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const room = $('room-name').value.trim();
    if (room) {
      $('room-name').value = '';
      joinRoom(room);
    }
  });
  $('room-leave').addEventListener('click', () => page.current && leaveRoom(page.current));
  $('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('message-input');
    const text = input.value;
    if (text.trim() && page.current) {
      input.value = '';
      send(text);
    }
  });

  // a reload (or ?user=…&room=…) signs in again and rejoins the rooms: they show their history again
  const params = new URLSearchParams(location.search);
  const saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
  const name = params.get('user') ?? (saved?.mode === 'fetched' ? saved.name : null);
  if (name) {
    $('signin-user').value = name;
    $('signin-grants').value = params.get('grants') ?? saved?.grants ?? '';
    const rooms = params.getAll('room').length ? params.getAll('room') : saved?.rooms ?? [];
    const current = saved?.current;
    try {
      await signIn({ ...formValues(), tokenUrl: saved?.tokenUrl ?? '' });
      for (const room of rooms) {
        joinRoom(room);
      }
      if (current && rooms.includes(current)) {
        selectRoom(current);
      }
    } catch (error) {
      showError('sign-in', error.message);
    }
  }
}

main();
