package io.github.wschat.local.runner;

import com.fasterxml.jackson.jr.ob.JSON;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, point 5, idempotency, end to end: a message id published five times in a room, one after the
 * other, five at once from one connection, and five at once from five connections, is stored once under
 * one seq, acknowledged with that seq every time, and delivered once to each member.
 */
class IdempotencyEndToEndTest {

    private static final int TIMES = 5;

    @Test
    void the_same_id_published_five_times_in_turn_or_at_once_gets_one_seq_and_one_delivery_per_member() throws Exception {
        String room = "idem-" + System.nanoTime();
        List<RoomClient> members = new ArrayList<>();
        try {
            RoomClient.joinAll(room, TIMES, members);
            RoomClient alice = members.get(0);

            // in turn: each retry waits for the ack of the one before, as a client does after a lost ack
            List<Long> inTurn = new ArrayList<>();
            for (int i = 0; i < TIMES; i++) {
                alice.publish(room, "in-turn", "once");
                inTurn.add(ackSeq(alice.next(), "in-turn"));
                alice.awaitHandled("publish");
            }
            assertThat(inTurn).as("the seqs of the five acks").containsOnly(inTurn.get(0));
            assertDeliveredOnceToEachBut(alice, members, "in-turn", inTurn.get(0));

            // at once, from one connection: the gateway runs the five handlers side by side
            for (int i = 0; i < TIMES; i++) {
                alice.publish(room, "at-once", "once");
            }
            List<Long> atOnce = new ArrayList<>();
            for (int i = 0; i < TIMES; i++) {
                atOnce.add(ackSeq(alice.next(), "at-once"));
            }
            alice.awaitHandled("publish", TIMES);
            assertThat(atOnce).as("the seqs of the five acks").containsOnly(atOnce.get(0));
            assertDeliveredOnceToEachBut(alice, members, "at-once", atOnce.get(0));

            // at once, from five connections: one of them stored it; the four others are told of it once
            for (RoomClient member : members) {
                member.publish(room, "from-all", "once");
            }
            List<Long> fromAll = new ArrayList<>();
            int told = 0;
            for (RoomClient member : members) {
                member.awaitHandled("publish");
            }
            for (RoomClient member : members) {
                List<String> frames = member.arrivedWithin(Duration.ofMillis(200));
                List<Map<String, Object>> read = new ArrayList<>();
                for (String frame : frames) {
                    read.add(JSON.std.mapFrom(frame));
                }
                assertThat(read).as("what %s got", member.connectionId()).hasSizeBetween(1, 2);
                fromAll.add(ackSeq(read.stream().filter(frame -> "ack".equals(frame.get("type"))).findFirst().orElseThrow(),
                        "from-all"));
                for (Map<String, Object> frame : read) {
                    if ("message".equals(frame.get("type"))) {
                        assertThat(frame).containsEntry("id", "from-all");
                        told++;
                    }
                }
            }
            assertThat(fromAll).as("the seqs of the five acks").containsOnly(fromAll.get(0));
            assertThat(told).as("members told of the message: all but the one whose publish stored it").isEqualTo(TIMES - 1);

            alice.send(Map.of("action", "history", "room", room));
            Map<String, Object> history = alice.next();
            alice.awaitHandled("history");
            assertThat(history.get("messages")).as("the room's stored messages").asList()
                    .extracting(message -> ((Map<?, ?>) message).get("id") + "@" + ((Map<?, ?>) message).get("seq"))
                    .containsExactly("in-turn@" + inTurn.get(0), "at-once@" + atOnce.get(0), "from-all@" + fromAll.get(0));
        } finally {
            members.forEach(RoomClient::close);
        }
    }

    private static long ackSeq(Map<String, Object> frame, String id) {
        assertThat(frame).containsEntry("type", "ack").containsEntry("id", id);
        return ((Number) frame.get("seq")).longValue();
    }

    /** Every member but the publisher got the message once, and nothing else is on its way. */
    private static void assertDeliveredOnceToEachBut(RoomClient publisher, List<RoomClient> members, String id, long seq)
            throws Exception {
        for (RoomClient member : members) {
            if (member != publisher) {
                assertThat(member.next()).as("what %s got", member.connectionId())
                        .containsEntry("type", "message").containsEntry("id", id).containsEntry("seq", (int) seq);
            }
        }
        for (RoomClient member : members) {
            assertThat(member.arrivedWithin(Duration.ofMillis(100))).as("more for %s", member.connectionId()).isEmpty();
        }
    }
}
