// Test doubles of what WsChatClient takes from its environment: a WebSocket whose frames the test
// reads and writes, and timers that run only when the test says so. No real socket, no real waiting.

import { WsChatClient } from '../../main/resources/io/github/wschat/web/static/wschat.js';

/** A WebSocket constructor whose instances record what the client sends and let the test play the server. */
export function fakeWebSocket() {
  const sockets = [];
  class FakeSocket {
    constructor(url) {
      this.url = url;
      this.sent = [];
      this.closed = null;
      this.onopen = this.onmessage = this.onclose = this.onerror = null;
      sockets.push(this);
    }

    send(data) {
      if (this.closed) {
        throw new Error('send on a closed socket');
      }
      this.sent.push(JSON.parse(data));
    }

    close(code = 1005, reason = '') {
      this.closed ??= { code, reason, by: 'client' };
    }

    // --- the test's side ---

    open() {
      this.onopen?.({ type: 'open' });
    }

    deliver(event) {
      this.onmessage?.({ type: 'message', data: typeof event === 'string' ? event : JSON.stringify(event) });
    }

    /** The connection is lost (a 1006 without a close frame), as the server or the network may do. */
    drop(code = 1006) {
      this.closed ??= { code, reason: '', by: 'server' };
      this.onclose?.({ type: 'close', code, reason: '', wasClean: false });
    }

    /** The commands sent so far with this action. */
    sentOf(action) {
      return this.sent.filter((frame) => frame.action === action);
    }

    last(action) {
      const frames = this.sentOf(action);
      return frames[frames.length - 1];
    }
  }
  return { FakeSocket, sockets };
}

/** setTimeout / clearTimeout that only record; `advance` runs what falls due, in time order. */
export function fakeClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map();
  return {
    delays: [],
    setTimeout(fn, ms = 0) {
      const id = nextId++;
      timers.set(id, { fn, at: now + ms, ms });
      this.delays.push(ms);
      return id;
    },
    clearTimeout(id) {
      timers.delete(id);
    },
    pending() {
      return [...timers.values()].map((t) => t.ms);
    },
    /** Runs every timer due within `ms` from now, the earliest first (timers set meanwhile included). */
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) {
          break;
        }
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = until;
    },
  };
}

/** Lets pending promise callbacks (the client's token await, a test's .then) run. */
export function flush() {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A client on a fake socket and a fake clock, with every event it emits recorded:
 * `h.socket` is the latest socket, `h.messages` the delivered message events' details.
 */
export function harness(options = {}) {
  const { FakeSocket, sockets } = fakeWebSocket();
  const clock = fakeClock();
  const client = new WsChatClient({
    url: 'ws://127.0.0.1:8080/production',
    WebSocket: FakeSocket,
    setTimeout: (fn, ms) => clock.setTimeout(fn, ms),
    clearTimeout: (id) => clock.clearTimeout(id),
    random: () => 0.5,
    ...options,
  });
  const events = [];
  for (const type of ['state', 'message', 'presence', 'joined', 'left', 'truncated', 'gap', 'error']) {
    client.addEventListener(type, (e) => events.push({ type, ...e.detail }));
  }
  return {
    client,
    clock,
    sockets,
    events,
    get socket() {
      return sockets[sockets.length - 1];
    },
    of(type) {
      return events.filter((e) => e.type === type);
    },
    get messages() {
      return this.of('message');
    },
    seqs(room) {
      return this.messages.filter((m) => room === undefined || m.room === room).map((m) => m.seq);
    },
    /** connect(), the socket opened: the client is `open`. */
    async connected() {
      client.connect();
      await flush();
      this.socket.open();
      return this.socket;
    },
    /** After a drop: the backoff's timer run, the token asked, the new socket opened. */
    async reconnected() {
      clock.advance(60_000);
      await flush();
      this.socket.open();
      return this.socket;
    },
    /** join(room) answered `joined` with `lastSeq`; resolves with the join's promise. */
    async joined(room, lastSeq = 0) {
      const joining = client.join(room);
      const frame = this.socket.last('join');
      this.socket.deliver({ type: 'joined', room, lastSeq, ref: frame.ref });
      return joining;
    },
  };
}

/** The message event of PROTOCOL §4 for `seq` of `room`. */
export function messageEvent(room, seq, { id = `m-${seq}`, text = `text ${seq}`, name = 'Bob' } = {}) {
  return {
    type: 'message',
    room,
    seq,
    id,
    from: { userId: name.toLowerCase(), name },
    text,
    sentAt: '2026-12-02T10:15:30.123Z',
  };
}

/** The `history` reply to a request frame, with the messages of the given seqs. */
export function historyReply(request, seqs, { more = false, lastSeq, truncated = false } = {}) {
  return {
    type: 'history',
    room: request.room,
    messages: seqs.map((seq) => messageEvent(request.room, seq)),
    lastSeq: lastSeq ?? (seqs.length ? seqs[seqs.length - 1] : request.after),
    more,
    truncated,
    ref: request.ref,
  };
}

export function range(from, to) {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
