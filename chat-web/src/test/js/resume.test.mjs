// Nothing lost (PROTOCOL §5, the README's "What nothing lost means"): publishes re-sent with their id,
// resume from the highest contiguous seq held, delivery in seq order and once, gaps skipped.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, historyReply, messageEvent, range } from './fake-socket.mjs';

const ROOM = 'general';

test('given a publish whose ack is lost to drops, then it is re-sent with the same id after each reconnect until acked, and a duplicate ack delivers nothing twice', async () => {
  const h = harness({ initialHistory: 0 });
  await h.connected();
  await h.joined(ROOM, 0);
  const publishing = h.client.publish(ROOM, 'hello through the tunnel');
  const id = h.socket.last('publish').id;
  let settled = false;
  publishing.then(() => (settled = true));

  for (let drop = 0; drop < 2; drop++) {
    h.socket.drop();
    const socket = await h.reconnected();
    const join = socket.last('join');
    assert.equal(socket.sentOf('publish').length, 0, 'not before the room is joined again');
    socket.deliver({ type: 'joined', room: ROOM, lastSeq: drop, ref: join.ref });
    if (drop === 1) {
      // stored at the first send: the resume's history brings it back before the ack does
      socket.deliver(historyReply(socket.last('history'), [1]));
    }
    assert.equal(socket.sentOf('publish').length, 1);
    assert.equal(socket.last('publish').id, id, 'the same id, never a new one');
    assert.equal(socket.last('publish').text, 'hello through the tunnel');
  }
  const frame = h.socket.last('publish');
  h.socket.deliver({ type: 'ack', room: ROOM, id, seq: 1, ref: frame.ref });
  assert.equal(await publishing, 1);
  assert.equal(settled, true);
  h.socket.deliver({ type: 'ack', room: ROOM, id, seq: 1, ref: frame.ref });
  h.socket.deliver({ type: 'ack', room: ROOM, id, seq: 1 });
  assert.deepEqual(h.seqs(), [1], 'seq 1 delivered once');
  h.socket.drop();
  const after = await h.reconnected();
  after.deliver({ type: 'joined', room: ROOM, lastSeq: 1, ref: after.last('join').ref });
  assert.equal(after.sentOf('publish').length, 0, 'an acked publish is not sent again');
});

test('given seqs 1-3 held and 5 live (4 missing), when the client resumes, then history pages from 3 by 100 until more is false', async () => {
  const h = harness({ initialHistory: 0 });
  await h.connected();
  await h.joined(ROOM, 0);
  for (const seq of [1, 2, 3, 5]) {
    h.socket.deliver(messageEvent(ROOM, seq));
  }
  assert.deepEqual(h.seqs(), [1, 2, 3]);
  assert.equal(h.client.heldUpTo(ROOM), 3);
  h.socket.drop();
  const socket = await h.reconnected();
  socket.deliver({ type: 'joined', room: ROOM, lastSeq: 250, ref: socket.last('join').ref });

  const pages = [];
  for (;;) {
    const request = socket.last('history');
    assert.ok(request, 'a history request');
    if (pages.includes(request.ref)) {
      break;
    }
    pages.push(request.ref);
    const from = request.after + 1;
    const to = Math.min(250, request.after + request.limit);
    socket.deliver(historyReply(request, range(from, to), { more: to < 250, lastSeq: 250 }));
  }
  const requests = socket.sentOf('history');
  assert.deepEqual(requests.map((r) => [r.after, r.limit]), [[3, 100], [103, 100], [203, 100]]);
  assert.deepEqual(h.seqs(), range(1, 250), 'each once, in order, 5 included');
});

test('given live events out of order, then they are delivered in seq order', async () => {
  const h = harness({ initialHistory: 0 });
  await h.connected();
  await h.joined(ROOM, 10);
  for (const seq of [13, 12, 11, 15, 14]) {
    h.socket.deliver(messageEvent(ROOM, seq));
  }
  assert.deepEqual(h.seqs(), [11, 12, 13, 14, 15]);
  assert.equal(h.socket.sentOf('history').length, 0, 'no hole was left long enough to ask history');
});

test('given a live event ahead of a hole that stays, then a history read after the hole wait fills it', async () => {
  const h = harness({ initialHistory: 0, holeWaitMs: 250 });
  await h.connected();
  await h.joined(ROOM, 0);
  h.socket.deliver(messageEvent(ROOM, 1));
  h.socket.deliver(messageEvent(ROOM, 3));
  assert.deepEqual(h.seqs(), [1]);
  h.clock.advance(249);
  assert.equal(h.socket.sentOf('history').length, 0);
  h.clock.advance(1);
  const request = h.socket.last('history');
  assert.deepEqual([request.after, request.limit], [1, 100]);
  h.socket.deliver(historyReply(request, [2, 3]));
  assert.deepEqual(h.seqs(), [1, 2, 3]);
});

test('given live and history copies of the same seqs around a resume, then each is delivered once', async () => {
  const h = harness({ initialHistory: 0 });
  await h.connected();
  await h.joined(ROOM, 0);
  range(1, 7).forEach((seq) => h.socket.deliver(messageEvent(ROOM, seq)));
  h.socket.drop();
  const socket = await h.reconnected();
  socket.deliver(messageEvent(ROOM, 7)); // in flight at the drop, delivered twice
  socket.deliver({ type: 'joined', room: ROOM, lastSeq: 12, ref: socket.last('join').ref });
  socket.deliver(messageEvent(ROOM, 11)); // live, ahead of the history
  socket.deliver(messageEvent(ROOM, 13));
  const request = socket.last('history');
  assert.equal(request.after, 7);
  socket.deliver(historyReply(request, range(8, 13)));
  socket.deliver(messageEvent(ROOM, 12)); // its live copy comes late
  socket.deliver(messageEvent(ROOM, 14));
  assert.deepEqual(h.seqs(), range(1, 14));
  assert.deepEqual(h.messages.filter((m) => m.seq === 11).map((m) => m.source), ['live']);
});

test('given history answering past a missing seq twice, gapConfirmMs apart, then the seq is a gap: skipped, told, never waited for', async () => {
  const h = harness({ initialHistory: 0, gapConfirmMs: 1000 });
  await h.connected();
  await h.joined(ROOM, 0);
  range(1, 3).forEach((seq) => h.socket.deliver(messageEvent(ROOM, seq)));
  h.socket.drop();
  const socket = await h.reconnected();
  socket.deliver({ type: 'joined', room: ROOM, lastSeq: 7, ref: socket.last('join').ref });
  socket.deliver(messageEvent(ROOM, 7));
  socket.deliver(historyReply(socket.last('history'), [4, 6, 7], { more: false, lastSeq: 7 }));
  assert.deepEqual(h.seqs(), [1, 2, 3, 4], 'missing once: 5 may be a write still in flight');
  h.clock.advance(999);
  assert.equal(socket.sentOf('history').length, 1);
  h.clock.advance(1);
  const again = socket.last('history');
  assert.equal(again.after, 4);
  socket.deliver(historyReply(again, [6, 7], { more: false, lastSeq: 7 }));
  assert.deepEqual(h.seqs(), [1, 2, 3, 4, 6, 7]);
  assert.deepEqual(h.of('gap').map((g) => g.seq), [5]);
  assert.equal(h.client.heldUpTo(ROOM), 7);
  h.clock.advance(60_000);
  assert.equal(socket.sentOf('history').length, 2, 'nothing asked again for the gap');
  socket.deliver(messageEvent(ROOM, 8));
  assert.deepEqual(h.seqs(), [1, 2, 3, 4, 6, 7, 8]);
});

test('given a seq missing at one history read whose write then lands, then it is delivered in order, no gap', async () => {
  const h = harness({ initialHistory: 0 });
  await h.connected();
  await h.joined(ROOM, 0);
  h.socket.deliver(messageEvent(ROOM, 3));
  h.clock.advance(250);
  h.socket.deliver(historyReply(h.socket.last('history'), [1, 3])); // 2 taken, its write not landed yet
  assert.deepEqual(h.seqs(), [1]);
  h.socket.deliver(messageEvent(ROOM, 2)); // its live event, a moment later
  assert.deepEqual(h.seqs(), [1, 2, 3]);
  h.clock.advance(60_000);
  assert.equal(h.of('gap').length, 0);
  assert.equal(h.socket.sentOf('history').length, 1, 'no confirmation read once the hole is filled');
});

test('given a gap whose message comes after all (a very slow write), then it is delivered once, marked late', async () => {
  const h = harness({ initialHistory: 0 });
  await h.connected();
  await h.joined(ROOM, 2);
  h.socket.deliver(messageEvent(ROOM, 5));
  h.clock.advance(250);
  h.socket.deliver(historyReply(h.socket.last('history'), [3, 5]));
  h.clock.advance(1000);
  h.socket.deliver(historyReply(h.socket.last('history'), [5]));
  assert.deepEqual(h.of('gap').map((g) => g.seq), [4]);
  h.socket.deliver(messageEvent(ROOM, 4));
  h.socket.deliver(messageEvent(ROOM, 4));
  assert.deepEqual(h.seqs(), [3, 5, 4]);
  assert.deepEqual(h.messages.map((m) => m.late), [false, false, true]);
});

test('given a history that does not reach a hole before live events, then it is read again after the hole wait', async () => {
  const h = harness({ initialHistory: 0, holeWaitMs: 250 });
  await h.connected();
  await h.joined(ROOM, 0);
  h.socket.deliver(messageEvent(ROOM, 3));
  h.clock.advance(250);
  // read before 1, 2 and 3 were written: it proves nothing
  h.socket.deliver(historyReply(h.socket.last('history'), [], { lastSeq: 3 }));
  assert.deepEqual(h.seqs(), []);
  h.clock.advance(250);
  const again = h.socket.last('history');
  assert.equal(h.socket.sentOf('history').length, 2);
  assert.equal(again.after, 0);
  h.socket.deliver(historyReply(again, [1, 3], { lastSeq: 3 }));
  assert.deepEqual(h.seqs(), [1]);
  h.clock.advance(1000);
  h.socket.deliver(historyReply(h.socket.last('history'), [3], { lastSeq: 3 }));
  assert.deepEqual(h.seqs(), [1, 3]);
  assert.deepEqual(h.of('gap').map((g) => g.seq), [2]);
});

test('given a history answered truncated, then a truncated event is told and what is left is delivered', async () => {
  const h = harness({ initialHistory: 0 });
  await h.connected();
  await h.joined(ROOM, 0);
  h.socket.deliver(messageEvent(ROOM, 1));
  h.socket.drop();
  const socket = await h.reconnected();
  socket.deliver({ type: 'joined', room: ROOM, lastSeq: 900, ref: socket.last('join').ref });
  const request = socket.last('history');
  socket.deliver(historyReply(request, range(850, 900), { truncated: true, lastSeq: 900 }));
  assert.deepEqual(h.of('truncated').map(({ room, after }) => ({ room, after })), [{ room: ROOM, after: 1 }]);
  assert.deepEqual(h.seqs(), [1, ...range(850, 900)]);
  assert.equal(h.client.heldUpTo(ROOM), 900);
  assert.equal(h.of('gap').length, 0, 'expired is not a gap');
  h.clock.advance(60_000);
  assert.equal(socket.sentOf('history').length, 1, 'nothing read again');
});

test('given a first join of a room with 250 messages, then its 100 latest are read, from seq 150', async () => {
  const h = harness();
  await h.connected();
  const joining = h.client.join(ROOM);
  h.socket.deliver(messageEvent(ROOM, 251)); // live before the joined: kept until the room's place is known
  h.socket.deliver({ type: 'joined', room: ROOM, lastSeq: 250, ref: h.socket.last('join').ref });
  await joining;
  const request = h.socket.last('history');
  assert.deepEqual([request.after, request.limit], [150, 100]);
  h.socket.deliver(historyReply(request, range(151, 250)));
  assert.deepEqual(h.seqs(), range(151, 251));
});

test('given a drop during a resume, then the next resume asks from what is held by then', async () => {
  const h = harness({ initialHistory: 0 });
  await h.connected();
  await h.joined(ROOM, 0);
  h.socket.drop();
  let socket = await h.reconnected();
  socket.deliver({ type: 'joined', room: ROOM, lastSeq: 300, ref: socket.last('join').ref });
  socket.deliver(historyReply(socket.last('history'), range(1, 100), { more: true, lastSeq: 300 }));
  socket.drop(); // the second page's answer is lost
  socket = await h.reconnected();
  socket.deliver({ type: 'joined', room: ROOM, lastSeq: 300, ref: socket.last('join').ref });
  assert.equal(socket.last('history').after, 100);
  socket.deliver(historyReply(socket.last('history'), range(101, 200), { more: true }));
  socket.deliver(historyReply(socket.last('history'), range(201, 300)));
  assert.deepEqual(h.seqs(), range(1, 300));
});

test('given several joined rooms, then a reconnect joins each again and resumes each from its own seq', async () => {
  const h = harness({ initialHistory: 0 });
  await h.connected();
  await h.joined('a', 0);
  await h.joined('b', 0);
  h.socket.deliver(messageEvent('a', 1));
  range(1, 4).forEach((seq) => h.socket.deliver(messageEvent('b', seq)));
  h.socket.drop();
  const socket = await h.reconnected();
  assert.deepEqual(socket.sentOf('join').map((j) => j.room).sort(), ['a', 'b']);
  for (const join of socket.sentOf('join')) {
    socket.deliver({ type: 'joined', room: join.room, lastSeq: 9, ref: join.ref });
  }
  assert.deepEqual(socket.sentOf('history').map((r) => [r.room, r.after]), [['a', 1], ['b', 4]]);
});

test('given a publish of ours waiting for its ack, then a missing seq is not declared a gap: it may be ours', async () => {
  const h = harness({ initialHistory: 0 });
  await h.connected();
  await h.joined(ROOM, 0);
  const publishing = h.client.publish(ROOM, 'mine');
  const frame = h.socket.last('publish');
  h.socket.deliver(messageEvent(ROOM, 2)); // another's, stored after ours took seq 1
  h.clock.advance(250);
  h.socket.deliver(historyReply(h.socket.last('history'), [2]));
  h.clock.advance(1000);
  h.socket.deliver(historyReply(h.socket.last('history'), [2]));
  assert.equal(h.of('gap').length, 0);
  h.socket.deliver({ type: 'ack', room: ROOM, id: frame.id, seq: 1, ref: frame.ref });
  assert.equal(await publishing, 1);
  assert.deepEqual(h.seqs(), [1, 2]);
  assert.deepEqual(h.messages.map((m) => m.own), [true, false]);
});
