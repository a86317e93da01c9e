package io.github.wschat.local.runner;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, point 5, sequence numbers, end to end: eight real WebSocket clients of one room publish 250
 * messages each at the same time, each keeping a few publishes in flight; the room's sequence numbers
 * are 1 to 2,000, each taken once; every member gets every other member's message once; and
 * {@code history} gives all 2,000 back in order in pages of 100.
 */
class SequenceNumbersEndToEndTest {

    private static final int PUBLISHERS = 8;
    private static final int EACH = 250;
    private static final int TOTAL = PUBLISHERS * EACH;
    /** Publishes a client has sent and not yet seen acknowledged. */
    private static final int IN_FLIGHT = 4;

    @Test
    void eight_concurrent_publishers_of_250_messages_take_seqs_1_to_2000_once_each_and_history_pages_them_in_order()
            throws Exception {
        String room = "seq-" + System.nanoTime();
        List<RoomClient> publishers = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(PUBLISHERS);
        try {
            RoomClient.joinAll(room, PUBLISHERS, publishers);

            List<Future<Received>> running = new ArrayList<>();
            for (int p = 0; p < PUBLISHERS; p++) {
                int publisher = p;
                running.add(threads.submit(() -> publishAndReceive(publishers.get(publisher), room, publisher)));
            }
            Map<String, Long> seqById = new HashMap<>();
            List<Received> received = new ArrayList<>();
            for (Future<Received> result : running) {
                Received of = result.get();
                received.add(of);
                of.acks().forEach((id, seq) -> assertThat(seqById.put(id, seq)).as("a second ack for " + id).isNull());
            }

            assertThat(seqById).hasSize(TOTAL);
            assertThat(seqById.values()).as("the seqs of the 2,000 acks")
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, TOTAL).boxed().toList());
            for (int p = 0; p < PUBLISHERS; p++) {
                Map<Long, String> others = new HashMap<>();
                seqById.forEach((id, seq) -> others.put(seq, id));
                received.get(p).acks().values().forEach(others::remove);
                assertThat(received.get(p).messages()).as("the messages publisher %d got, by seq", p)
                        .containsExactlyInAnyOrderEntriesOf(others);
            }
            for (RoomClient publisher : publishers) {
                publisher.awaitHandled("publish", EACH);
            }
            for (RoomClient publisher : publishers) {
                assertThat(publisher.arrivedWithin(Duration.ofMillis(100))).as("frames beyond the 2,000").isEmpty();
            }

            List<Map<String, Object>> history = new ArrayList<>();
            RoomClient reader = publishers.get(0);
            long after = 0;
            for (int page = 1; page <= TOTAL / 100; page++) {
                reader.send(Map.of("action", "history", "room", room, "after", after, "limit", 100));
                Map<String, Object> reply = reader.next();
                reader.awaitHandled("history");
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> messages = (List<Map<String, Object>>) reply.get("messages");
                assertThat(reply).as("history page %d", page).containsEntry("type", "history")
                        .containsEntry("more", page < TOTAL / 100).containsEntry("truncated", false);
                assertThat(((Number) reply.get("lastSeq")).longValue()).isEqualTo(TOTAL);
                assertThat(messages).extracting(message -> ((Number) message.get("seq")).longValue())
                        .as("the seqs of history page %d", page)
                        .containsExactlyElementsOf(LongStream.rangeClosed(after + 1, after + 100).boxed().toList());
                history.addAll(messages);
                after += 100;
            }
            assertThat(history).allSatisfy(message -> assertThat(seqById.get((String) message.get("id")))
                    .as("the seq acknowledged for " + message.get("id"))
                    .isEqualTo(((Number) message.get("seq")).longValue()));
            assertThat(history).allSatisfy(message -> assertThat(message.get("text")).isEqualTo("text of " + message.get("id")));
        } finally {
            threads.shutdownNow();
            publishers.forEach(RoomClient::close);
        }
    }

    /**
     * Publishes {@value #EACH} messages, at most {@value #IN_FLIGHT} unacknowledged at a time, and reads every
     * frame until it has its {@value #EACH} acks and the others' 1,750 messages.
     */
    private static Received publishAndReceive(RoomClient client, String room, int publisher) throws Exception {
        Map<String, Long> acks = new HashMap<>();
        Map<Long, String> messages = new HashMap<>();
        int sent = 0;
        while (acks.size() < EACH || messages.size() < TOTAL - EACH) {
            while (sent < EACH && sent - acks.size() < IN_FLIGHT) {
                String id = "p" + publisher + "-" + sent++;
                client.publish(room, id, "text of " + id);
            }
            Map<String, Object> frame = client.next();
            long seq = ((Number) frame.get("seq")).longValue();
            if ("ack".equals(frame.get("type"))) {
                assertThat(acks.put((String) frame.get("id"), seq)).as("a second ack for " + frame.get("id")).isNull();
            } else {
                assertThat(frame).containsEntry("type", "message").containsEntry("room", room);
                assertThat(messages.put(seq, (String) frame.get("id"))).as("a second message of seq " + seq).isNull();
            }
        }
        return new Received(acks, messages);
    }

    private record Received(Map<String, Long> acks, Map<Long, String> messages) {
    }
}
