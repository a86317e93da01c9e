// Rooms: commands with refs, replies matched by ref, publish and its ack, errors, presence, members.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newMessageId } from '../../main/resources/io/github/wschat/web/static/wschat.js';
import { flush, harness, messageEvent } from './fake-socket.mjs';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

test('given join, then {action:join, room, ref} is sent and the joined with that ref resolves it', async () => {
  const h = harness();
  await h.connected();
  const joining = h.client.join('general');
  const frame = h.socket.last('join');
  assert.deepEqual(Object.keys(frame).sort(), ['action', 'ref', 'room']);
  assert.equal(frame.room, 'general');
  assert.equal(typeof frame.ref, 'string');
  assert.ok(frame.ref.length >= 1 && frame.ref.length <= 64);
  h.socket.deliver({ type: 'joined', room: 'general', lastSeq: 0, ref: frame.ref });
  assert.deepEqual(await joining, { room: 'general', lastSeq: 0 });
  assert.deepEqual(h.of('joined').map((e) => e.room), ['general']);
});

test('every command carries a ref of its own, and a reply is matched by its ref, not by its order', async () => {
  const h = harness();
  await h.connected();
  const a = h.client.join('a');
  const b = h.client.join('b');
  const [ja, jb] = h.socket.sentOf('join');
  assert.notEqual(ja.ref, jb.ref);
  h.socket.deliver({ type: 'joined', room: 'b', lastSeq: 7, ref: jb.ref });
  h.socket.deliver({ type: 'joined', room: 'a', lastSeq: 3, ref: ja.ref });
  assert.deepEqual(await Promise.all([a, b]), [{ room: 'a', lastSeq: 3 }, { room: 'b', lastSeq: 7 }]);
  const m1 = h.client.members('a');
  const m2 = h.client.members('b');
  h.socket.sentOf('members').forEach((f) => assert.equal(typeof f.ref, 'string'));
  const refs = h.socket.sent.map((f) => f.ref).filter(Boolean);
  assert.equal(new Set(refs).size, refs.length, `unique refs: ${refs}`);
  const [fb, fa] = [h.socket.sentOf('members')[1], h.socket.sentOf('members')[0]];
  h.socket.deliver({ type: 'members', room: 'b', members: [], ref: fb.ref });
  h.socket.deliver({ type: 'members', room: 'a', members: [{ userId: 'u', name: 'U', connections: 1 }], ref: fa.ref });
  assert.deepEqual(await m1, [{ userId: 'u', name: 'U', connections: 1 }]);
  assert.deepEqual(await m2, []);
});

test('given commands before the socket opens, then they are sent once it is open', async () => {
  const h = harness();
  h.client.connect();
  const joining = h.client.join('general');
  await flush();
  assert.equal(h.socket.sent.length, 0);
  h.socket.open();
  const frame = h.socket.last('join');
  h.socket.deliver({ type: 'joined', room: 'general', lastSeq: 0, ref: frame.ref });
  assert.equal((await joining).room, 'general');
});

test('given publish, then an id of 1-64 A-Za-z0-9_- is sent with the text, and the ack resolves with its seq', async () => {
  const h = harness({ user: { userId: 'alice', name: 'Alice' }, initialHistory: 0 });
  await h.connected();
  await h.joined('general', 41);
  const publishing = h.client.publish('general', 'hello, room');
  const frame = h.socket.last('publish');
  assert.match(frame.id, ID);
  assert.equal(frame.text, 'hello, room');
  assert.equal(frame.room, 'general');
  h.socket.deliver({ type: 'ack', room: 'general', id: frame.id, seq: 42, ref: frame.ref });
  assert.equal(await publishing, 42);
  const own = h.messages.find((m) => m.seq === 42);
  assert.equal(own.own, true);
  assert.equal(own.text, 'hello, room');
  assert.deepEqual(own.from, { userId: 'alice', name: 'Alice' });
});

test('message ids are new each time and fit the protocol, with or without crypto.randomUUID', () => {
  const ids = new Set(Array.from({ length: 200 }, () => newMessageId()));
  assert.equal(ids.size, 200);
  ids.forEach((id) => assert.match(id, ID));
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
  Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
  try {
    const fallback = newMessageId(Math.random);
    assert.match(fallback, ID);
    assert.equal(fallback.length, 32);
  } finally {
    Object.defineProperty(globalThis, 'crypto', saved);
  }
});

test('given a publish before the join is answered, then it waits for joined and goes after it', async () => {
  const h = harness();
  await h.connected();
  h.client.join('general');
  const publishing = h.client.publish('general', 'early');
  assert.equal(h.socket.sentOf('publish').length, 0);
  h.socket.deliver({ type: 'joined', room: 'general', lastSeq: 0, ref: h.socket.last('join').ref });
  const frame = h.socket.last('publish');
  h.socket.deliver({ type: 'ack', room: 'general', id: frame.id, seq: 1, ref: frame.ref });
  assert.equal(await publishing, 1);
});

for (const code of ['too_large', 'forbidden', 'not_member', 'bad_request']) {
  test(`given a publish answered ${code}, then its promise is rejected with that code and it is not sent again`, async () => {
    const h = harness();
    await h.connected();
    await h.joined('general');
    const publishing = h.client.publish('general', 'x');
    const frame = h.socket.last('publish');
    h.socket.deliver({ type: 'error', code, error: `refused: ${code}`, ref: frame.ref });
    await assert.rejects(publishing, (e) => e.code === code && e.room === 'general' && e.message === `refused: ${code}`);
    h.socket.drop();
    const again = await h.reconnected();
    again.deliver({ type: 'joined', room: 'general', lastSeq: 0, ref: again.last('join').ref });
    assert.equal(again.sentOf('publish').length, 0);
  });
}

for (const code of ['internal', 'rate_limited']) {
  test(`given a publish answered ${code}, then it is sent again after a backoff, with the same id`, async () => {
    const h = harness();
    await h.connected();
    await h.joined('general');
    const publishing = h.client.publish('general', 'retry me');
    const first = h.socket.last('publish');
    h.socket.deliver({ type: 'error', code, error: 'try later', ref: first.ref });
    assert.equal(h.socket.sentOf('publish').length, 1, 'not at once');
    h.clock.advance(500);
    const second = h.socket.last('publish');
    assert.equal(h.socket.sentOf('publish').length, 2);
    assert.equal(second.id, first.id);
    assert.notEqual(second.ref, first.ref);
    h.socket.deliver({ type: 'ack', room: 'general', id: second.id, seq: 5, ref: second.ref });
    assert.equal(await publishing, 5);
  });
}

test('given a join answered forbidden (a private room without a grant), then join rejects with forbidden and the room is forgotten', async () => {
  const h = harness();
  await h.connected();
  const joining = h.client.join('private-team');
  h.socket.deliver({ type: 'error', code: 'forbidden', error: 'not allowed', ref: h.socket.last('join').ref });
  await assert.rejects(joining, { name: 'WsChatError', code: 'forbidden', room: 'private-team' });
  assert.deepEqual(h.client.rooms, []);
  h.socket.drop();
  const again = await h.reconnected();
  assert.equal(again.sentOf('join').length, 0, 'a refused room is not joined again');
});

test('given members answered not_member, then only the members promise is rejected, with not_member', async () => {
  const h = harness();
  await h.connected();
  await h.joined('general');
  const members = h.client.members('other');
  const publishing = h.client.publish('general', 'fine');
  h.socket.deliver({ type: 'error', code: 'not_member', error: 'join first', ref: h.socket.last('members').ref });
  await assert.rejects(members, { code: 'not_member' });
  const frame = h.socket.last('publish');
  h.socket.deliver({ type: 'ack', room: 'general', id: frame.id, seq: 1, ref: frame.ref });
  assert.equal(await publishing, 1);
});

test('given an error no command waits for, then it is told as an error event', async () => {
  const h = harness();
  await h.connected();
  h.socket.deliver({ type: 'error', code: 'bad_request', error: 'body is not valid JSON' });
  assert.deepEqual(h.of('error').map((e) => e.code), ['bad_request']);
});

test('presence events of a joined room are told, with the user', async () => {
  const h = harness();
  await h.connected();
  await h.joined('general');
  const bob = { userId: 'bob', name: 'Bob' };
  h.socket.deliver({ type: 'presence', room: 'general', event: 'join', user: bob });
  h.socket.deliver({ type: 'presence', room: 'general', event: 'leave', user: bob });
  h.socket.deliver({ type: 'presence', room: 'elsewhere', event: 'join', user: bob });
  assert.deepEqual(h.of('presence').map(({ room, event, user }) => ({ room, event, user })), [
    { room: 'general', event: 'join', user: bob },
    { room: 'general', event: 'leave', user: bob },
  ]);
});

test('given members, then the list of the reply is returned with connection counts', async () => {
  const h = harness();
  await h.connected();
  await h.joined('general');
  const members = h.client.members('general');
  const frame = h.socket.last('members');
  assert.equal(frame.room, 'general');
  const list = [
    { userId: 'alice', name: 'Alice', connections: 2 },
    { userId: 'bob', name: 'Bob', connections: 1 },
  ];
  h.socket.deliver({ type: 'members', room: 'general', members: list, ref: frame.ref });
  assert.deepEqual(await members, list);
});

test('given leave, then left resolves it and the room is no longer delivered nor joined again', async () => {
  const h = harness();
  await h.connected();
  await h.joined('general');
  const leaving = h.client.leave('general');
  const frame = h.socket.last('leave');
  h.socket.deliver({ type: 'left', room: 'general', ref: frame.ref });
  assert.equal((await leaving).type, 'left');
  h.socket.deliver(messageEvent('general', 1));
  assert.equal(h.messages.length, 0);
  h.socket.drop();
  const again = await h.reconnected();
  assert.equal(again.sentOf('join').length, 0);
});

test('given leave while the connection is down, then it resolves at once, sends nothing and the room is not joined again', async () => {
  const h = harness();
  await h.connected();
  await h.joined('general');
  const waiting = h.client.members('general');
  h.socket.drop();
  assert.equal((await h.client.leave('general')).type, 'left');
  await assert.rejects(waiting, { code: 'left' });
  const again = await h.reconnected();
  assert.deepEqual(again.sent, []);
});

test('frames that are not JSON events (the tutorial\'s text) are ignored', async () => {
  const h = harness();
  await h.connected();
  await h.joined('general');
  h.socket.deliver('hello, everyone!');
  h.socket.deliver('[1,2]');
  h.socket.deliver('null');
  h.socket.deliver(messageEvent('general', 1));
  assert.deepEqual(h.seqs(), [1]);
});

test('given a reply that never comes on an open socket, then the command is sent again after the timeout (a publish with its id)', async () => {
  const h = harness({ commandTimeoutMs: 10000 });
  await h.connected();
  await h.joined('general');
  const publishing = h.client.publish('general', 'lost ack');
  const first = h.socket.last('publish');
  h.clock.advance(10000);
  const second = h.socket.last('publish');
  assert.equal(second.id, first.id);
  assert.notEqual(second.ref, first.ref);
  h.socket.deliver({ type: 'ack', room: 'general', id: first.id, seq: 1, ref: first.ref }); // the late first ack
  assert.equal(await publishing, 1);
  h.socket.deliver({ type: 'ack', room: 'general', id: second.id, seq: 1, ref: second.ref });
  assert.deepEqual(h.seqs(), [1], 'delivered once');
});

test('given a text whose publish frame would pass 32 KB (API Gateway closes such a frame with 1009), then it is refused with too_large, unsent', async () => {
  const h = harness();
  await h.connected();
  await h.joined('general');
  await assert.rejects(h.client.publish('general', 'é'.repeat(16_500)), { code: 'too_large', room: 'general' });
  assert.equal(h.socket.sentOf('publish').length, 0);
  const fits = h.client.publish('general', 'x'.repeat(32_000));
  assert.equal(h.socket.sentOf('publish').length, 1);
  const frame = h.socket.last('publish');
  h.socket.deliver({ type: 'ack', room: 'general', id: frame.id, seq: 1, ref: frame.ref });
  assert.equal(await fits, 1);
});
