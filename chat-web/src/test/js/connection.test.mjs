// The connection: token in the URL, states, reconnects with jittered bounded backoff, close.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WsChatClient, backoffDelay, urlWithToken } from '../../main/resources/io/github/wschat/web/static/wschat.js';
import { flush, harness } from './fake-socket.mjs';

test('given a token, when connecting, then it is in the URL as ?token=, URL-encoded', async () => {
  const h = harness({ token: 'eyJ.a+b/c=' });
  await h.connected();
  assert.equal(h.socket.url, 'ws://127.0.0.1:8080/production?token=eyJ.a%2Bb%2Fc%3D');
});

test('given a URL with a query already, then the token is added with &', () => {
  assert.equal(urlWithToken('ws://h/production?x=1', 't k'), 'ws://h/production?x=1&token=t%20k');
});

test('given no token, when connecting, then the URL is left as it is (authorization off)', async () => {
  const h = harness();
  await h.connected();
  assert.equal(h.socket.url, 'ws://127.0.0.1:8080/production');
});

test('given a token function, then it is called at each (re)connect and its newest token is used', async () => {
  let calls = 0;
  const h = harness({ token: async () => `token-${++calls}` });
  await h.connected();
  h.socket.drop();
  await h.reconnected();
  h.socket.drop();
  await h.reconnected();
  assert.equal(calls, 3);
  assert.deepEqual(h.sockets.map((s) => s.url.split('?')[1]), ['token=token-1', 'token=token-2', 'token=token-3']);
});

test('given a token function that fails, then the client stays reconnecting and asks again after the backoff', async () => {
  let calls = 0;
  const h = harness({
    token: async () => {
      if (++calls === 1) {
        throw new Error('issuer down');
      }
      return 'ok';
    },
  });
  h.client.connect();
  await flush();
  assert.equal(h.sockets.length, 0);
  assert.equal(h.client.state, 'reconnecting');
  assert.equal(h.of('error')[0].code, 'token');
  await h.reconnected();
  assert.equal(h.client.state, 'open');
  assert.equal(h.socket.url.endsWith('?token=ok'), true);
});

test('the states go connecting, open, reconnecting, open, closed, each told once', async () => {
  const h = harness();
  assert.equal(h.client.state, 'closed');
  await h.connected();
  h.socket.drop();
  await h.reconnected();
  h.client.close();
  assert.deepEqual(h.of('state').map((e) => e.state), ['connecting', 'open', 'reconnecting', 'open', 'closed']);
  assert.deepEqual(h.of('state').map((e) => e.previous), ['closed', 'connecting', 'open', 'reconnecting', 'open']);
});

test('given a first connection refused at the handshake, then the state is reconnecting, not open', async () => {
  const h = harness();
  h.client.connect();
  await flush();
  h.socket.drop(1006); // a 401 closes the socket before it opens
  assert.deepEqual(h.of('state').map((e) => e.state), ['connecting', 'reconnecting']);
});

test('the backoff is full jitter on a capped exponential: random() x min(maxMs, initialMs x 2^attempt)', () => {
  const half = () => 0.5;
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5, 6, 10, 100].map((attempt) => backoffDelay(attempt, { initialMs: 500, maxMs: 15000 }, half)),
    [250, 500, 1000, 2000, 4000, 7500, 7500, 7500, 7500],
  );
  assert.equal(backoffDelay(3, undefined, () => 0), 0);
  assert.equal(backoffDelay(30, undefined, () => 0.999999), 14999);
});

test('given handshakes that keep failing, then each wait is a jittered part of a growing delay, at most maxMs', async () => {
  const randoms = [0.1, 0.9, 0.5, 0.3, 1 - 1e-9, 0.7, 0.2, 0.99, 0.6];
  let i = 0;
  const h = harness({ random: () => randoms[i++ % randoms.length], backoff: { initialMs: 500, maxMs: 15000 } });
  h.client.connect();
  await flush();
  const waits = [];
  for (let attempt = 0; attempt < 8; attempt++) {
    const before = h.clock.delays.length;
    h.socket.drop();
    waits.push(...h.clock.delays.slice(before));
    h.clock.advance(15000);
    await flush();
  }
  assert.equal(waits.length, 8);
  const caps = [500, 1000, 2000, 4000, 8000, 15000, 15000, 15000];
  waits.forEach((wait, attempt) => {
    assert.ok(wait >= 0 && wait < caps[attempt], `wait ${attempt} is ${wait}, under ${caps[attempt]}`);
  });
  assert.ok(new Set(waits.map((w, a) => w / caps[a])).size > 1, 'the waits are jittered, not a fixed fraction');
});

test('given a connection that opened, then the next drop starts the backoff again from initialMs', async () => {
  const h = harness({ random: () => 0.5 });
  h.client.connect();
  await flush();
  h.socket.drop();
  h.clock.advance(60_000);
  await flush();
  h.socket.drop();
  h.clock.advance(60_000);
  await flush();
  h.socket.open();
  const before = h.clock.delays.length;
  h.socket.drop();
  assert.deepEqual(h.clock.delays.slice(before), [250]);
});

test('given close(), then the socket is closed with 1000, nothing reconnects and a waiting publish is refused with closed', async () => {
  const h = harness();
  await h.connected();
  await h.joined('general');
  const publishing = h.client.publish('general', 'never acked');
  h.client.close();
  await assert.rejects(publishing, { code: 'closed' });
  assert.equal(h.socket.closed.code, 1000);
  h.clock.advance(60_000);
  await flush();
  assert.equal(h.sockets.length, 1);
  assert.equal(h.client.state, 'closed');
});

test('given reconnect() on a live connection (the browser back online), then a new socket opens at once', async () => {
  const h = harness();
  await h.connected();
  h.client.reconnect();
  await flush();
  assert.equal(h.sockets.length, 2);
  assert.equal(h.sockets[0].closed.code, 4000);
  h.socket.open();
  assert.equal(h.client.state, 'open');
});

test('given no WebSocket constructor, then the client says so at once', () => {
  assert.throws(() => new WsChatClient({ url: 'ws://x', WebSocket: null }), /WebSocket/);
});
