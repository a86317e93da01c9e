// wschat.js: a dependency-free browser (and Node) client of the wschat protocol, version 1
// (PROTOCOL.md §1–6): rooms, publish with idempotent ids, history, resume, presence.
//
//   import { WsChatClient } from './wschat.js';
//   const chat = new WsChatClient({ url: 'wss://…/production', token: async () => fetchToken() });
//   chat.addEventListener('message', (e) => show(e.detail));     // in seq order per room, each once
//   chat.addEventListener('state', (e) => showState(e.detail.state));
//   chat.connect();
//   await chat.join('general');
//   const seq = await chat.publish('general', 'hello, room');
//
// Events (CustomEvent, the payload in `detail`): state, message, presence, joined, left, truncated, gap,
// error (a server error no command of this client waits for). See chat-web/README.md.

/** The states of a client, in the order a first connection goes through them. */
export const States = Object.freeze({
  CONNECTING: 'connecting',
  OPEN: 'open',
  RECONNECTING: 'reconnecting',
  CLOSED: 'closed',
});

/** Error codes a command is retried on (with backoff) rather than rejected with. */
const RETRYABLE = new Set(['internal', 'rate_limited']);
const HISTORY_PAGE = 100;
/** API Gateway's limit on one WebSocket frame; a browser sends a message as one frame, closed with 1009 above. */
const MAX_FRAME_BYTES = 32 * 1024;
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A command refused by the server (`code` from PROTOCOL §6) or given up by this client (`closed`). */
export class WsChatError extends Error {
  constructor(code, message, { room, ref } = {}) {
    super(message || code);
    this.name = 'WsChatError';
    this.code = code;
    this.room = room;
    this.ref = ref;
  }
}

/** The delay before attempt `attempt` (0 first): full jitter, a random part of the capped exponential. */
export function backoffDelay(attempt, { initialMs = 500, maxMs = 15000 } = {}, random = Math.random) {
  const cap = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * cap);
}

/** `url` with `?token=` (or `&token=`) added, URL-encoded; `url` itself when there is no token. */
export function urlWithToken(url, token) {
  if (token === undefined || token === null || token === '') {
    return url;
  }
  return url + (url.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(token);
}

export class WsChatClient extends EventTarget {
  /**
   * @param {object} options
   * @param {string} options.url the WebSocket URL, `wss://{api}/{stage}`
   * @param {string|function():(string|Promise<string>)} [options.token] a JWT, or a function asked at every
   *   (re)connect; none: the connection is anonymous (authorization off)
   * @param {{userId?: string, name?: string}} [options.user] who this client is, the `from` of its own messages
   * @param {number} [options.initialHistory=100] how many of a room's latest messages a first join reads
   *   (`Infinity`: all that are kept, `0`: only new ones)
   */
  constructor({
    url,
    token,
    user = null,
    WebSocket: Socket = globalThis.WebSocket,
    random = Math.random,
    setTimeout: setTimer = globalThis.setTimeout.bind(globalThis),
    clearTimeout: clearTimer = globalThis.clearTimeout.bind(globalThis),
    backoff = {},
    initialHistory = HISTORY_PAGE,
    commandTimeoutMs = 10000,
    holeWaitMs = 250,
    gapConfirmMs = 1000,
    maxFrameBytes = MAX_FRAME_BYTES,
    now = () => new Date(),
  } = {}) {
    super();
    if (typeof url !== 'string' || url === '') {
      throw new TypeError('url is required');
    }
    if (typeof Socket !== 'function') {
      throw new TypeError('no WebSocket constructor: pass options.WebSocket');
    }
    this.url = url;
    this.user = user;
    this._token = token;
    this._Socket = Socket;
    this._random = random;
    this._setTimer = setTimer;
    this._clearTimer = clearTimer;
    this._backoff = { initialMs: 500, maxMs: 15000, ...backoff };
    this._initialHistory = initialHistory;
    this._commandTimeoutMs = commandTimeoutMs;
    this._holeWaitMs = holeWaitMs;
    this._gapConfirmMs = gapConfirmMs;
    this._maxFrameBytes = maxFrameBytes;
    this._now = now;

    this._state = States.CLOSED;
    this._socket = null;
    this._open = false;
    this._attempt = 0;
    this._reconnectTimer = null;
    this._refPrefix = randomString(6, random) + '-';
    this._refCount = 0;
    /** ref → the command sent with it, until its reply. */
    this._pending = new Map();
    /** Commands waiting for a socket or for their room's join on this connection, or retried later. */
    this._commands = new Set();
    /** id → the publish, until its ack (or a refusal): re-sent with the same id after each reconnect. */
    this._outbox = new Map();
    /** room name → its state: next seq expected, live events ahead of it, joins on this connection. */
    this._rooms = new Map();
  }

  /** `connecting`, `open`, `reconnecting` or `closed`. */
  get state() {
    return this._state;
  }

  /** The rooms this client is in (or joining), in the order joined. */
  get rooms() {
    return [...this._rooms.keys()];
  }

  /** The highest seq of `room` up to which this client has delivered (or skipped as a gap) everything. */
  heldUpTo(room) {
    const r = this._rooms.get(room);
    return r && r._next !== null ? r._next - 1 : 0;
  }

  /** Opens the connection (and keeps it open, reconnecting after every drop, until `close()`). */
  connect() {
    if (this._state !== States.CLOSED) {
      return;
    }
    this._setState(States.CONNECTING);
    this._attempt = 0;
    this._openSocket();
  }

  /** Closes for good: no reconnect; commands waiting for an answer are rejected with `closed`. */
  close() {
    if (this._state === States.CLOSED) {
      return;
    }
    this._cancelReconnect();
    const socket = this._socket;
    this._detach();
    if (socket) {
      try {
        socket.close(1000, 'closed by the client');
      } catch {
        // already closing
      }
    }
    for (const command of [...this._commands]) {
      this._finish(command, null, new WsChatError('closed', 'the client was closed', { room: command.room }));
    }
    this._setState(States.CLOSED);
  }

  /** Drops the connection and reconnects at once (e.g. when the browser says it is online again). */
  reconnect() {
    if (this._state === States.CLOSED) {
      return;
    }
    this._cancelReconnect();
    const socket = this._socket;
    if (socket) {
      this._dropped(socket);
      try {
        socket.close(4000, 'reconnecting');
      } catch {
        // already closing
      }
    }
    this._attempt = 0;
    this._openSocket();
  }

  /**
   * Joins `room` (again after every reconnect, resuming it from its history). Resolves with
   * `{room, lastSeq}` at the first `joined`; rejects with the server's code (`forbidden`, `bad_request`).
   */
  join(room, { initialHistory = this._initialHistory } = {}) {
    let r = this._rooms.get(room);
    if (!r) {
      r = new RoomState(room, initialHistory);
      this._rooms.set(room, r);
    }
    return this._command({ action: 'join', room }, { kind: 'join', waitForJoin: false });
  }

  /** Leaves `room`: no rejoin, its events are no longer delivered. Resolves at `left` (or a drop). */
  leave(room) {
    this._forgetRoom(room, new WsChatError('left', `left room ${room}`, { room }));
    if (!this._open) {
      // the next connection is in no room: nothing to send
      return Promise.resolve({ type: 'left', room });
    }
    return this._command({ action: 'leave', room }, { kind: 'leave', waitForJoin: false });
  }

  /** The members of `room`: `[{userId, name, connections}]`. */
  members(room) {
    return this._command({ action: 'members', room }, { kind: 'members' }).then((reply) => reply.members);
  }

  /**
   * Publishes `text` to `room` under a new id, resolving with the message's seq at its ack. Until the ack
   * the same id is sent again after every reconnect (and after a command timeout), so it is stored once.
   */
  publish(room, text) {
    const id = newMessageId(this._random);
    // a frame over the gateway's limit closes the connection, and would again at every resend: refused here
    const longestFrame = { action: 'publish', room, id, text, ref: this._refPrefix + '9'.repeat(16) };
    const bytes = new TextEncoder().encode(JSON.stringify(longestFrame)).length;
    if (bytes > this._maxFrameBytes) {
      const reason = `the publish is a frame of ${bytes} bytes, over the ${this._maxFrameBytes} of a WebSocket frame`;
      return Promise.reject(new WsChatError('too_large', reason, { room }));
    }
    const command = this._newCommand({ action: 'publish', room, id, text }, { kind: 'publish' });
    this._outbox.set(id, command);
    this._dispatchCommand(command);
    return command.promise;
  }

  // --- commands -----------------------------------------------------------------------------------

  _newCommand(frame, { kind, waitForJoin = true, internal = false }) {
    const command = { frame, kind, room: frame.room, waitForJoin, internal, attempt: 0, ref: null, timer: null };
    command.promise = new Promise((resolve, reject) => {
      command.resolve = resolve;
      command.reject = reject;
    });
    if (internal) {
      command.promise.catch(() => {}); // a rejoin's refusal is told as an error event
    }
    this._commands.add(command);
    return command;
  }

  _command(frame, options) {
    const command = this._newCommand(frame, options);
    this._dispatchCommand(command);
    return command.promise;
  }

  /** Sends the command if it can go now, else leaves it for the socket's open or its room's join. */
  _dispatchCommand(command) {
    if (!this._open || command.timer !== null || command.ref !== null) {
      return;
    }
    if (command.waitForJoin) {
      const r = this._rooms.get(command.room);
      if (r && !r._joinedHere) {
        return;
      }
    }
    const ref = this._refPrefix + ++this._refCount;
    command.ref = ref;
    if (command.kind === 'history') {
      command.epoch = this._rooms.get(command.room)?._epoch ?? 0;
    }
    this._pending.set(ref, command);
    command.timer = this._setTimer(() => this._timedOut(command, ref), this._commandTimeoutMs);
    this._send({ ...command.frame, ref });
  }

  /** No reply in time on an open connection: forget that ref and send again (a publish keeps its id). */
  _timedOut(command, ref) {
    if (command.ref !== ref) {
      return;
    }
    this._pending.delete(ref);
    command.ref = null;
    command.timer = null;
    this._dispatchCommand(command);
  }

  _unsend(command) {
    if (command.ref !== null) {
      this._pending.delete(command.ref);
      command.ref = null;
    }
    if (command.timer !== null) {
      this._clearTimer(command.timer);
      command.timer = null;
    }
  }

  _finish(command, value, error) {
    this._unsend(command);
    this._commands.delete(command);
    if (command.kind === 'publish') {
      this._outbox.delete(command.frame.id);
    }
    if (command.kind === 'history') {
      return;
    }
    if (error) {
      command.reject(error);
    } else {
      command.resolve(value);
    }
  }

  _retryLater(command) {
    this._unsend(command);
    const delay = backoffDelay(command.attempt++, this._backoff, this._random);
    command.timer = this._setTimer(() => {
      command.timer = null;
      this._dispatchCommand(command);
    }, delay);
  }

  _send(frame) {
    this._socket.send(JSON.stringify(frame));
  }

  // --- the connection -----------------------------------------------------------------------------

  async _openSocket() {
    let token;
    try {
      token = typeof this._token === 'function' ? await this._token() : this._token;
    } catch (error) {
      this._emit('error', { code: 'token', error: String(error && error.message ? error.message : error) });
      this._scheduleReconnect();
      return;
    }
    if (this._state === States.CLOSED || this._socket) {
      return;
    }
    let socket;
    try {
      socket = new this._Socket(urlWithToken(this.url, token));
    } catch (error) {
      this._emit('error', { code: 'connect', error: String(error && error.message ? error.message : error) });
      this._scheduleReconnect();
      return;
    }
    this._socket = socket;
    socket.onopen = () => this._opened(socket);
    socket.onmessage = (event) => this._received(socket, event.data);
    socket.onclose = () => this._droppedAndReconnect(socket);
    socket.onerror = () => this._droppedAndReconnect(socket);
  }

  _opened(socket) {
    if (socket !== this._socket) {
      return;
    }
    this._open = true;
    this._attempt = 0;
    this._setState(States.OPEN);
    for (const r of this._rooms.values()) {
      r._joinedHere = false;
      r._syncing = false;
      this._cancelHoleTimer(r);
    }
    const joining = new Set([...this._commands].filter((c) => c.kind === 'join').map((c) => c.room));
    for (const r of this._rooms.values()) {
      if (!joining.has(r.name)) {
        this._newCommand({ action: 'join', room: r.name }, { kind: 'join', waitForJoin: false, internal: true });
      }
    }
    // joins first: what waits for a room's join goes at its joined
    const joinsFirst = (a, b) => (a.kind === 'join' ? 0 : 1) - (b.kind === 'join' ? 0 : 1);
    for (const command of [...this._commands].sort(joinsFirst)) {
      this._dispatchCommand(command);
    }
  }

  _droppedAndReconnect(socket) {
    if (socket !== this._socket) {
      return;
    }
    this._dropped(socket);
    try {
      socket.close();
    } catch {
      // already closed
    }
    this._scheduleReconnect();
  }

  /** The socket is gone: nothing sent on it will be answered. Commands wait for the next one. */
  _dropped(socket) {
    if (socket !== this._socket) {
      return;
    }
    this._detach();
    for (const command of [...this._commands]) {
      this._unsend(command);
      if (command.kind === 'leave') {
        // a new connection is in no room
        this._finish(command, { type: 'left', room: command.room });
      } else if (command.kind === 'history') {
        // the room's resume after the next join asks again from what is held by then
        this._commands.delete(command);
      }
    }
    for (const r of this._rooms.values()) {
      r._joinedHere = false;
      r._syncing = false;
      this._cancelHoleTimer(r);
    }
    this._setState(States.RECONNECTING);
  }

  _detach() {
    const socket = this._socket;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    }
    this._socket = null;
    this._open = false;
  }

  _scheduleReconnect() {
    if (this._state === States.CLOSED) {
      return;
    }
    this._setState(States.RECONNECTING);
    this._cancelReconnect();
    const delay = backoffDelay(this._attempt++, this._backoff, this._random);
    this._reconnectTimer = this._setTimer(() => {
      this._reconnectTimer = null;
      this._openSocket();
    }, delay);
  }

  _cancelReconnect() {
    if (this._reconnectTimer !== null) {
      this._clearTimer(this._reconnectTimer);
      this._reconnectTimer = null;
    }
  }

  _setState(state) {
    if (state === this._state) {
      return;
    }
    const previous = this._state;
    this._state = state;
    this._emit('state', { state, previous });
  }

  _emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  // --- what the server says -----------------------------------------------------------------------

  _received(socket, data) {
    if (socket !== this._socket) {
      return;
    }
    let event;
    try {
      event = JSON.parse(data);
    } catch {
      return; // the tutorial's plain text ($default, sendmessage): not for this client
    }
    if (!event || typeof event !== 'object' || typeof event.type !== 'string') {
      return;
    }
    const command = typeof event.ref === 'string' ? this._pending.get(event.ref) : undefined;
    switch (event.type) {
      case 'joined':
        this._joined(event, command);
        break;
      case 'left':
        if (command) {
          this._finish(command, event);
        }
        this._emit('left', { room: event.room });
        break;
      case 'members':
        if (command) {
          this._finish(command, event);
        }
        break;
      case 'ack':
        this._acked(event, command);
        break;
      case 'history':
        if (command) {
          this._finish(command, event);
          this._historyPage(event, command);
        }
        break;
      case 'message':
        this._accept(this._rooms.get(event.room), message(event, 'live', this._outbox.has(event.id)));
        break;
      case 'presence':
        if (this._rooms.has(event.room)) {
          this._emit('presence', { room: event.room, event: event.event, user: event.user });
        }
        break;
      case 'error':
        this._refused(event, command);
        break;
      default:
        break;
    }
  }

  _refused(event, command) {
    if (!command) {
      this._emit('error', { code: event.code, error: event.error, ref: event.ref });
      return;
    }
    if (RETRYABLE.has(event.code)) {
      this._retryLater(command);
      return;
    }
    const error = new WsChatError(event.code, event.error, { room: command.room, ref: event.ref });
    if (command.kind === 'join') {
      if (command.internal) {
        // a rejoin refused (a grant gone): nobody waits for it, so it is told as an event
        this._emit('error', { code: event.code, error: event.error, ref: event.ref, room: command.room });
      }
      this._forgetRoom(command.room, error);
      this._finish(command, null, error);
      return;
    }
    if (command.kind === 'history') {
      this._finish(command);
      this._emit('error', { code: event.code, error: event.error, ref: event.ref, room: command.room });
      return;
    }
    this._finish(command, null, error);
  }

  /** A room given up (left, or its join refused): what waits for its join is refused too. */
  _forgetRoom(room, error) {
    const r = this._rooms.get(room);
    if (!r) {
      return;
    }
    this._cancelHoleTimer(r);
    this._rooms.delete(room);
    for (const command of [...this._commands]) {
      if (command.room === room && command.kind !== 'leave') {
        this._finish(command, null, error);
      }
    }
  }

  _joined(event, command) {
    const r = this._rooms.get(event.room);
    if (command) {
      this._finish(command, { room: event.room, lastSeq: event.lastSeq });
    }
    if (!r) {
      return;
    }
    r._joinedHere = true;
    const lastSeq = Number(event.lastSeq) || 0;
    if (r._next === null) {
      const start = r.initialHistory === Infinity ? 0 : Math.max(0, lastSeq - Math.max(0, r.initialHistory));
      r._next = start + 1;
      for (const seq of [...r._buffer.keys()]) {
        if (seq < r._next) {
          r._buffer.delete(seq);
        }
      }
      this._drain(r);
    }
    this._emit('joined', { room: r.name, lastSeq });
    if (lastSeq >= r._next || r._buffer.size > 0) {
      this._sync(r);
    }
    for (const waiting of [...this._commands]) {
      if (waiting.room === r.name && waiting.waitForJoin) {
        this._dispatchCommand(waiting);
      }
    }
  }

  _acked(event, command) {
    const publish = command && command.kind === 'publish' ? command : this._outbox.get(event.id);
    if (!publish || publish.frame.id !== event.id) {
      return; // an ack already taken: its message was delivered then
    }
    this._finish(publish, event.seq);
    this._accept(this._rooms.get(event.room), {
      room: event.room,
      seq: event.seq,
      id: event.id,
      from: this.user,
      text: publish.frame.text,
      sentAt: this._now().toISOString(),
      own: true,
      source: 'ack',
    });
  }

  // --- order, duplicates, holes and gaps (PROTOCOL §5) ---------------------------------------------

  /** Takes a copy of a message: delivered when it is the next seq, kept when ahead, dropped when held. */
  _accept(r, msg) {
    if (!r || !Number.isSafeInteger(msg.seq) || msg.seq < 1) {
      return;
    }
    if (r._next !== null && msg.seq < r._next) {
      if (r._skipped.delete(msg.seq)) {
        // declared a gap by a history read before its (slow) write landed: late, but not lost
        this._emit('message', { ...msg, late: true });
      }
      return;
    }
    if (r._buffer.has(msg.seq)) {
      return;
    }
    r._buffer.set(msg.seq, msg);
    if (r._next !== null) {
      this._drain(r);
      if (r._buffer.size > 0 && !r._syncing && r._joinedHere) {
        this._scheduleHoleFill(r, this._holeWaitMs, false);
      }
    }
  }

  _drain(r) {
    while (r._buffer.has(r._next)) {
      const msg = r._buffer.get(r._next);
      r._buffer.delete(r._next);
      r._suspects.delete(r._next);
      r._next++;
      this._emit('message', { ...msg, late: false });
    }
    if (r._buffer.size === 0 && !r._holeConfirms) {
      this._cancelHoleTimer(r);
    }
  }

  /** Pages `history` from the highest contiguous seq held until `more` is false. */
  _sync(r) {
    this._cancelHoleTimer(r);
    if (r._syncing || !r._joinedHere) {
      return;
    }
    r._syncing = true;
    this._askHistory(r, r._next - 1);
  }

  _askHistory(r, after) {
    const frame = { action: 'history', room: r.name, after, limit: HISTORY_PAGE };
    this._command(frame, { kind: 'history', internal: true });
  }

  _historyPage(event, command) {
    const r = this._rooms.get(event.room);
    if (!r || !r._syncing) {
      return;
    }
    const messages = Array.isArray(event.messages) ? event.messages : [];
    for (const m of messages) {
      this._accept(r, message(m, 'history', this._outbox.has(m.id)));
    }
    if (event.truncated === true) {
      // what the retention took is gone for good, not in flight: go on from the first message left
      const first = messages.reduce((min, m) => (Number.isSafeInteger(m.seq) && m.seq < min ? m.seq : min), Infinity);
      if (first !== Infinity && first > r._next) {
        r._next = first;
        this._drain(r);
      }
      this._emit('truncated', { room: r.name, after: command.frame.after });
    }
    // The page holds every message stored after `after` when it was read, ascending: a seq below its
    // last one that it lacks is missing. Missing at one read it may still be in flight (taken, its write
    // not landed yet: concurrent publishes); missing again at a read sent gapConfirmMs later it is a gap
    // (its write failed), skipped, and the client goes on.
    const highest = messages.reduce((max, m) => (Number.isSafeInteger(m.seq) && m.seq > max ? m.seq : max), 0);
    while (r._next <= highest) {
      if (r._buffer.has(r._next)) {
        this._drain(r);
        continue;
      }
      const suspectedAt = r._suspects.get(r._next);
      if (suspectedAt === undefined || suspectedAt >= command.epoch || this._publishing(r.name)) {
        break; // not confirmed yet, or it may be a publish of ours still on its way to its ack
      }
      r._suspects.delete(r._next);
      r._skipped.add(r._next);
      this._emit('gap', { room: r.name, seq: r._next });
      r._next++;
      this._drain(r);
    }
    for (let seq = r._next; seq <= highest; seq++) {
      if (!r._buffer.has(seq) && !r._suspects.has(seq)) {
        r._suspects.set(seq, command.epoch);
      }
    }
    if (event.more === true) {
      this._askHistory(r, Math.max(r._next - 1, highest));
      return;
    }
    r._syncing = false;
    for (const seq of r._suspects.keys()) {
      if (seq < r._next) {
        r._suspects.delete(seq); // passed by a truncation
      }
    }
    if (r._suspects.size > 0) {
      if ([...r._suspects.values()].some((at) => at < r._epoch)) {
        this._sync(r); // the confirmation's time came during this read: read again now
      } else {
        this._scheduleHoleFill(r, this._gapConfirmMs, true);
      }
    } else if (r._buffer.size > 0) {
      // live events ahead of a hole the history did not reach yet: read again once their writes are in
      this._scheduleHoleFill(r, this._holeWaitMs, false);
    }
  }

  /** Whether a publish of ours to `room` waits for its ack: its seq may be taken, its write not landed. */
  _publishing(room) {
    for (const command of this._outbox.values()) {
      if (command.room === room) {
        return true;
      }
    }
    return false;
  }

  /** One timer a room: a read after a hole's wait, or (`confirms`) the read that confirms suspected gaps. */
  _scheduleHoleFill(r, delay, confirms) {
    if (r._holeTimer !== null) {
      if (r._holeConfirms || !confirms) {
        return;
      }
      this._cancelHoleTimer(r);
    }
    r._holeConfirms = confirms;
    r._holeTimer = this._setTimer(() => {
      r._holeTimer = null;
      r._holeConfirms = false;
      if (confirms) {
        r._epoch++;
      }
      if (this._rooms.get(r.name) === r && (r._buffer.size > 0 || r._suspects.size > 0)) {
        this._sync(r);
      }
    }, delay);
  }

  _cancelHoleTimer(r) {
    if (r._holeTimer !== null) {
      this._clearTimer(r._holeTimer);
      r._holeTimer = null;
      r._holeConfirms = false;
    }
  }
}

class RoomState {
  constructor(name, initialHistory) {
    this.name = name;
    this.initialHistory = initialHistory;
    /** The next seq to deliver; null until the first `joined` says where the room is. */
    this._next = null;
    /** seq → a message ahead of `_next`, until the hole before it is filled or proven a gap. */
    this._buffer = new Map();
    /** Seqs declared gaps: delivered late, once, should they come after all. */
    this._skipped = new Set();
    /** seq → the epoch of the history read that found it missing, until found or declared a gap. */
    this._suspects = new Map();
    /** Counts the gap confirmations' timers: a read sent in a later epoch confirms a suspect. */
    this._epoch = 0;
    this._holeConfirms = false;
    this._joinedHere = false;
    this._syncing = false;
    this._holeTimer = null;
  }
}

/** The message event as delivered: the protocol's fields, where it came from, and whether it is our own. */
function message(event, source, own) {
  return {
    room: event.room,
    seq: event.seq,
    id: event.id,
    from: event.from,
    text: event.text,
    sentAt: event.sentAt,
    own,
    source,
  };
}

/** A message id of PROTOCOL §1: 32 characters of `A-Za-z0-9`. */
export function newMessageId(random = Math.random) {
  const crypto = globalThis.crypto;
  if (crypto && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID().replaceAll('-', '');
  }
  return randomString(32, random);
}

function randomString(length, random) {
  let s = '';
  for (let i = 0; i < length; i++) {
    s += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length)];
  }
  return s;
}
