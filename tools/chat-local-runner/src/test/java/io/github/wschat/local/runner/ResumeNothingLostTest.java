package io.github.wschat.local.runner;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.testkit.websocket.WebSocketMessage;
import io.github.wschat.testkit.websocket.WebSocketTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PROTOCOL §5, "nothing lost", end to end with real WebSocket clients on the chat as run-local-chat.sh starts
 * it. Twenty clients are in one room; four of them are also its publishers and publish 1,000 messages between
 * them (ids {@code p<k>-<n>}, one at a time each, the next once the ack came; a publish whose connection was
 * dropped before its ack is published again with the same id on the new connection, so each is stored once).
 * Meanwhile every client is dropped abruptly, 3 or 4 times, at moments drawn from a seeded {@link Random} (a
 * client once it holds k messages, a publisher right after sending its n-th publish), by {@code abort()} (the
 * gateway runs {@code $disconnect}) or by losing the {@code $disconnect} ({@code dropWithoutDisconnect}: the
 * room meets 410 for it later), each client both ways. Each reconnect follows §5: a new connection, {@code join},
 * then {@code history} pages of 100 from the last seq it holds without a gap before it, until {@code more} is
 * false, taking live {@code message} events all along; a client orders and deduplicates by seq, and holds its
 * own messages from their acks. When all 1,000 are acked (and a client holds them all, or hears nothing more
 * for a while) each client resumes once more, and then each holds seqs 1..1000 exactly once, each with the id
 * and text published, as the messages table holds exactly 1,000 messages of the room. What the last resumes
 * bring (messages lost live, none so far) is counted in the summary, not refused: §5 promises nothing lost
 * after a resume, not every live event.
 *
 * <p>Seed: {@code -Dwschat.resume.seed=<n>} replays a run's drop moments and kinds (the printed summary says
 * which seed ran); the threads' interleaving is the machine's.
 */
class ResumeNothingLostTest {

    private static final int CLIENTS = 20;
    private static final int PUBLISHERS = 4;
    private static final int MESSAGES = 1_000;
    private static final int PER_PUBLISHER = MESSAGES / PUBLISHERS;
    private static final int PAGE = 100;
    private static final int MIN_DROPS = 3;
    /** How long a client waits for an event before it looks whether all is acked. */
    private static final Duration QUIET = Duration.ofMillis(200);

    private enum DropKind { ABORT, LOST_DISCONNECT }

    /** Where a client's first copy of a message came from. */
    private enum Source { LIVE, HISTORY, OWN_ACK }

    /** A message as a client holds it. */
    private record Held(long seq, String id, String text) {
    }

    private final String room = "resume-" + System.nanoTime();
    private final CountDownLatch allJoined = new CountDownLatch(CLIENTS);
    private final CountDownLatch allAcked = new CountDownLatch(PUBLISHERS);
    private final Map<String, Long> seqOfId = new ConcurrentHashMap<>();
    private final Map<String, String> textOfId = new ConcurrentHashMap<>();
    private final List<WebSocketTestClient> opened = Collections.synchronizedList(new ArrayList<>());

    @Test
    void twenty_clients_dropped_at_random_at_least_three_times_each_and_resuming_by_history_hold_all_thousand_messages_once_in_seq_order(
            TestReporter reporter) throws Exception {
        long seed = Long.getLong("wschat.resume.seed", System.nanoTime());
        System.out.println("ResumeNothingLostTest seed=" + seed + " room=" + room);
        Random random = new Random(seed);
        List<Client> clients = IntStream.range(0, CLIENTS).mapToObj(i -> {
            int drops = MIN_DROPS + random.nextInt(2);
            boolean publisher = i < PUBLISHERS;
            return new Client(i, publisher ? i + 1 : 0, drawCounts(random, drops, publisher ? PER_PUBLISHER : MESSAGES - 1),
                    drawKinds(random, drops));
        }).toList();
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        try {
            List<Future<Void>> running = clients.stream().map(client -> threads.submit(client::run)).toList();
            for (Future<Void> client : running) {
                awaitEnd(client);
            }
        } finally {
            threads.shutdownNow();
            opened.forEach(WebSocketTestClient::abort);
        }
        String summary = summary(seed, clients, (System.nanoTime() - start) / 1e9);
        System.out.println(summary);
        reporter.publishEntry("summary", summary);

        assertThat(new TreeSet<>(seqOfId.values())).as("the seqs the 1,000 acks gave")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, MESSAGES).boxed().toList());
        List<Held> published = seqOfId.entrySet().stream()
                .map(acked -> new Held(acked.getValue(), acked.getKey(), textOfId.get(acked.getKey())))
                .sorted(Comparator.comparingLong(Held::seq)).toList();
        for (Client client : clients) {
            assertThat(client.held.values()).as("what client %d holds, by seq", client.index).containsExactlyElementsOf(published);
            assertThat(client.lastSeqAtJoin).as("the lastSeq of client %d's last join", client.index).isEqualTo(MESSAGES);
            assertThat(client.dropsOf(DropKind.ABORT)).as("aborts of client %d", client.index).isPositive();
            assertThat(client.dropsOf(DropKind.LOST_DISCONNECT)).as("lost $disconnects of client %d", client.index).isPositive();
            assertThat(client.drops()).as("drops of client %d", client.index).isGreaterThanOrEqualTo(MIN_DROPS);
        }
        assertThat(ChatTables.messageCount(RunningChat.DYNAMODB, RunningChat.CHAT.roomTables().orElseThrow().messages(), room))
                .as("the room's message items").isEqualTo(MESSAGES);
    }

    private static void awaitEnd(Future<?> client) throws Exception {
        try {
            // each wait of a client is bounded by RunningChat.TIMEOUT: this one only guards against a hang
            client.get(RunningChat.TIMEOUT.multipliedBy(4).toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** {@code count} distinct numbers of 1..{@code bound}, ascending. */
    private static List<Integer> drawCounts(Random random, int count, int bound) {
        TreeSet<Integer> counts = new TreeSet<>();
        while (counts.size() < count) {
            counts.add(1 + random.nextInt(bound));
        }
        return List.copyOf(counts);
    }

    /** The kinds of {@code count} drops: one of each among the first two, in either order, then either. */
    private static List<DropKind> drawKinds(Random random, int count) {
        List<DropKind> kinds = new ArrayList<>(List.of(DropKind.ABORT, DropKind.LOST_DISCONNECT));
        Collections.shuffle(kinds, random);
        while (kinds.size() < count) {
            kinds.add(random.nextBoolean() ? DropKind.ABORT : DropKind.LOST_DISCONNECT);
        }
        return List.copyOf(kinds);
    }

    private static String summary(long seed, List<Client> clients, double wallSeconds) {
        IntSummaryStatistics drops = clients.stream().mapToInt(Client::drops).summaryStatistics();
        ToIntFunction<ToIntFunction<Client>> total = count -> clients.stream().mapToInt(count).sum();
        return String.format(Locale.ROOT, "ResumeNothingLostTest seed=%d: %d clients (%d of them publishers), %d messages;"
                        + " drops per client min %d max %d, total %d (abort %d, without $disconnect %d); reconnects %d"
                        + " (the last resumes included); history pages %d; first copies live %d, from history %d, own acks %d;"
                        + " duplicates discarded %d (a live and a history copy %d); added by the last resumes %d;"
                        + " drops left for the end (a message they were due at missing live) %d;"
                        + " publish retries %d; wall %.1f s",
                seed, CLIENTS, PUBLISHERS, MESSAGES, drops.getMin(), drops.getMax(), drops.getSum(),
                total.applyAsInt(client -> client.dropsOf(DropKind.ABORT)),
                total.applyAsInt(client -> client.dropsOf(DropKind.LOST_DISCONNECT)),
                total.applyAsInt(client -> client.reconnects), total.applyAsInt(client -> client.historyPages),
                total.applyAsInt(client -> client.firstCopies.get(Source.LIVE)),
                total.applyAsInt(client -> client.firstCopies.get(Source.HISTORY)),
                total.applyAsInt(client -> client.firstCopies.get(Source.OWN_ACK)),
                total.applyAsInt(client -> client.duplicates), total.applyAsInt(client -> client.liveAndHistoryDuplicates),
                total.applyAsInt(client -> client.addedByLastResume), total.applyAsInt(client -> client.lateDrops),
                total.applyAsInt(client -> client.retries), wallSeconds);
    }

    /**
     * One of the twenty, on its own thread: keeps the room's messages by seq, resumes as §5 says after each drop,
     * until it holds all 1,000 and has paged to the end (or all are acked and nothing more comes); then, once all
     * are acked, resumes once more. A publisher
     * ({@code k} above 0) also publishes its 250, one at a time, from its first join on.
     */
    private final class Client {

        final int index;
        final int k;
        /** A publisher: after sending which of its publishes it is dropped; a subscriber: at how many messages held. */
        final List<Integer> dropAt;
        final List<DropKind> kinds;
        final Map<DropKind, Integer> drops = new EnumMap<>(Map.of(DropKind.ABORT, 0, DropKind.LOST_DISCONNECT, 0));
        final TreeMap<Long, Held> held = new TreeMap<>();
        final Map<Long, Source> sourceOf = new HashMap<>();
        final Map<Source, Integer> firstCopies = new EnumMap<>(Map.of(Source.LIVE, 0, Source.HISTORY, 0, Source.OWN_ACK, 0));
        WebSocketTestClient client;
        /** The last seq such that it holds every seq up to it: where a resume pages from. */
        long caughtUpTo;
        long lastSeqAtJoin = -1;
        boolean paging;
        /** A publisher's publish sent and not acked yet, its number; 0 when none. */
        int inFlight;
        int published;
        int reconnects = -1;
        int historyPages;
        int duplicates;
        int liveAndHistoryDuplicates;
        int addedByLastResume;
        int retries;
        int lateDrops;

        Client(int index, int k, List<Integer> dropAt, List<DropKind> kinds) {
            this.index = index;
            this.k = k;
            this.dropAt = dropAt;
            this.kinds = kinds;
        }

        int dropsOf(DropKind kind) {
            return drops.get(kind);
        }

        int drops() {
            return dropsOf(DropKind.ABORT) + dropsOf(DropKind.LOST_DISCONNECT);
        }

        Void run() throws Exception {
            try {
                connectAndJoin();
                long lastEvent = System.nanoTime();
                boolean quietOnceAllAcked = false;
                while (paging || published < publishes() || drops() < dropAt.size()
                        || held.size() < MESSAGES && !quietOnceAllAcked) {
                    boolean acked = allAcked.getCount() == 0;
                    Optional<WebSocketMessage> frame = client.poll(QUIET);
                    quietOnceAllAcked = acked && frame.isEmpty();
                    if (frame.isPresent()) {
                        take(event(frame.get().text()));
                        lastEvent = System.nanoTime();
                        boolean dropDue = drops() < dropAt.size()
                                && (k > 0 ? inFlight == dropAt.get(drops()) : held.size() >= dropAt.get(drops()));
                        if (dropDue) {
                            drop();
                            connectAndJoin();
                        }
                    } else if (quietOnceAllAcked && !paging && drops() < dropAt.size()) {
                        // all is acked, and this client still waits for a message a drop was due at: one lost live
                        // (the final resume brings it); the drops left happen now
                        lateDrops++;
                        drop();
                        connectAndJoin();
                    } else {
                        assertThat(Duration.ofNanos(System.nanoTime() - lastEvent))
                                .as("client %d waiting for its next event", index).isLessThan(RunningChat.TIMEOUT);
                    }
                }
            } finally {
                if (k > 0) {
                    allAcked.countDown();
                }
            }
            assertThat(allAcked.await(RunningChat.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("all 1,000 acked").isTrue();
            client.close();
            int before = held.size();
            connectAndJoin();
            while (paging) {
                take(next());
            }
            addedByLastResume = held.size() - before;
            client.close();
            return null;
        }

        int publishes() {
            return k > 0 ? PER_PUBLISHER : 0;
        }

        /** A new connection, and its join sent; history is asked once it is joined. */
        void connectAndJoin() throws Exception {
            client = RunningChat.connectAmongOthers();
            opened.add(client);
            reconnects++;
            paging = true;
            lastSeqAtJoin = -1;
            client.send("{\"action\":\"join\",\"room\":\"" + room + "\"}");
        }

        /** Drops the connection abruptly, by the next kind drawn; what it had not read yet is lost with it. */
        void drop() {
            DropKind kind = kinds.get(drops());
            if (kind == DropKind.ABORT) {
                client.abort();
            } else {
                RunningChat.dropWithoutDisconnect(client);
            }
            drops.merge(kind, 1, Integer::sum);
        }

        /** The next event of the connection, waiting {@link RunningChat#TIMEOUT}; an error event fails. */
        Map<String, Object> next() throws Exception {
            return event(client.next());
        }

        Map<String, Object> event(String frame) throws Exception {
            Map<String, Object> event = JSON.std.mapFrom(frame);
            assertThat(event.get("type")).as("the type of %s", frame).isNotEqualTo("error");
            return event;
        }

        @SuppressWarnings("unchecked")
        void take(Map<String, Object> event) throws Exception {
            switch ((String) event.get("type")) {
                case "message" -> keep(event, Source.LIVE);
                case "joined" -> joined(((Number) event.get("lastSeq")).longValue());
                case "history" -> {
                    historyPages++;
                    List<Map<String, Object>> messages = (List<Map<String, Object>>) event.get("messages");
                    messages.forEach(message -> keep(message, Source.HISTORY));
                    if (Boolean.TRUE.equals(event.get("more"))) {
                        assertThat(messages).as("a page with more after it").isNotEmpty();
                        askHistoryAfter(((Number) messages.get(messages.size() - 1).get("seq")).longValue());
                    } else {
                        paging = false;
                    }
                }
                case "ack" -> acked((String) event.get("id"), ((Number) event.get("seq")).longValue());
                case "presence" -> {
                    // others come and go: this client does not track them
                }
                default -> throw new AssertionError("unexpected event " + event);
            }
        }

        void joined(long lastSeq) throws Exception {
            if (reconnects == 0) {
                allJoined.countDown();
                if (k > 0) {
                    // publishing starts once the twenty are in: from seq 1 on, messages also come live
                    assertThat(allJoined.await(RunningChat.TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("all joined").isTrue();
                }
            }
            lastSeqAtJoin = lastSeq;
            askHistoryAfter(caughtUpTo);
            if (inFlight > 0) {
                retries++;
                publish(inFlight);
            } else if (published < publishes()) {
                publish(published + 1);
            }
        }

        void acked(String id, long seq) throws Exception {
            int n = Integer.parseInt(id.substring(id.indexOf('-') + 1));
            assertThat(n).as("the number of the publish acked").isEqualTo(inFlight);
            assertThat(seqOfId.putIfAbsent(id, seq)).as("the seq of %s acked before", id).isIn(null, seq);
            keep(new Held(seq, id, textOfId.get(id)), Source.OWN_ACK);
            published = n;
            inFlight = 0;
            if (published < publishes()) {
                publish(published + 1);
            }
        }

        void publish(int n) throws Exception {
            String id = "p" + k + "-" + n;
            String text = "message " + n + " of publisher " + k + ", \"quoted\" and ✓";
            textOfId.put(id, text);
            Map<String, Object> command = new LinkedHashMap<>();
            command.put("action", "publish");
            command.put("room", room);
            command.put("id", id);
            command.put("text", text);
            client.send(JSON.std.asString(command));
            inFlight = n;
        }

        void askHistoryAfter(long after) throws Exception {
            client.send("{\"action\":\"history\",\"room\":\"" + room + "\",\"after\":" + after + ",\"limit\":" + PAGE + "}");
        }

        void keep(Map<String, Object> message, Source source) {
            assertThat(message.get("room")).isEqualTo(room);
            keep(new Held(((Number) message.get("seq")).longValue(), (String) message.get("id"), (String) message.get("text")),
                    source);
        }

        /** Keeps a message by its seq; a second copy must be the same, and is discarded. */
        void keep(Held copy, Source source) {
            Held kept = held.putIfAbsent(copy.seq(), copy);
            if (kept == null) {
                sourceOf.put(copy.seq(), source);
                firstCopies.merge(source, 1, Integer::sum);
                while (held.containsKey(caughtUpTo + 1)) {
                    caughtUpTo++;
                }
                return;
            }
            assertThat(copy).as("a second copy of seq %d", copy.seq()).isEqualTo(kept);
            duplicates++;
            if (Set.of(source, sourceOf.get(copy.seq())).equals(Set.of(Source.LIVE, Source.HISTORY))) {
                liveAndHistoryDuplicates++;
            }
        }
    }
}
