package io.github.wschat.aws.apigateway;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.BroadcastResult;
import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.Connection;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.core.domain.RecipientFailure;
import io.github.wschat.core.port.in.BroadcastCommand;
import io.github.wschat.core.port.out.MessageSender;
import io.github.wschat.core.service.BroadcastSettings;
import io.github.wschat.core.service.ChatServices;
import io.github.wschat.inmemory.InMemoryConnectionStore;
import io.github.wschat.json.JsonReplyRenderer;
import io.github.wschat.json.SendMessageBodyParser;
import io.github.wschat.testkit.connections.Fault;
import io.github.wschat.testkit.connections.LoopbackConnectionsApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The core's broadcast, fanned out through the real SDK client to a loopback {@code @connections}
 * API: the in-flight bound holds end to end (the default one included), gone connections leave the
 * store, and the broadcast leaves no thread behind.
 */
class BroadcastThroughApiGatewayTest {

    private static final String MESSAGE = "hello, everyone!";
    private static final String BROADCAST_THREAD_PREFIX = "wschat-broadcast-";

    private LoopbackConnectionsApi api;
    private ApiGatewayMessageSender sender;
    private InMemoryConnectionStore store;

    @BeforeEach
    void setUp() {
        api = LoopbackConnectionsApi.start();
        sender = TestSenders.senderFor(api).build();
        store = InMemoryConnectionStore.create();
    }

    @AfterEach
    void tearDown() {
        sender.close();
        api.close();
    }

    @Test
    void given_200_recipients_and_a_slow_gateway_when_broadcast_with_concurrency_8_then_bounded_complete_and_no_thread_left()
            throws InterruptedException {
        ConnectionId author = stored(ConnectionId.of(api.connect("author")));
        List<ConnectionId> live = new ArrayList<>();
        List<ConnectionId> gone = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ConnectionId id = stored(ConnectionId.of(String.format("r%03d", i)));
            if (i % 10 == 3) {
                gone.add(id);
            } else {
                api.connect(id.value());
                live.add(id);
            }
        }
        ThreadRecordingSender recording = new ThreadRecordingSender(sender);
        ChatServices chat = chat(recording, BroadcastSettings.defaults().withMaxConcurrency(8).withPageSize(50));
        api.faults().latency(Duration.ofMillis(20));

        BroadcastResult result = chat.broadcast().broadcast(new BroadcastCommand(author, MESSAGE));

        assertThat(result).isEqualTo(new BroadcastReport(200, 180, 20, 0, List.of()));
        assertThat(api.requests().maxInFlight()).isBetween(2, 8);
        assertThat(api.requests().total()).isEqualTo(200);
        assertThat(live).allSatisfy(id -> assertThat(api.receivedBy(id.value())).containsExactly(MESSAGE));
        assertThat(api.receivedBy(author.value())).isEmpty();
        assertThat(gone).allSatisfy(id -> assertThat(store.find(id)).isEmpty());
        assertThat(live).allSatisfy(id -> assertThat(store.find(id)).isPresent());
        assertThat(store.size()).isEqualTo(1 + 180);

        // every send ran on the broadcast service's threads, and every one of them ends once idle for
        // a second (they are daemon threads, so counting non-daemon threads would prove nothing: they
        // are joined instead)
        assertThat(recording.threads()).isNotEmpty().hasSizeLessThanOrEqualTo(8)
                .allSatisfy(thread -> assertThat(thread.getName()).startsWith(BROADCAST_THREAD_PREFIX));
        assertThat(stillAliveAfterJoining(recording.threads(), Duration.ofSeconds(10))).isEmpty();
        assertThat(stillAliveAfterJoining(threadsNamed(BROADCAST_THREAD_PREFIX), Duration.ofSeconds(10))).isEmpty();
    }

    /*
     * The default bound, end to end. The gateway holds every answer; once the broadcasting thread
     * waits for a permit of the core's semaphore, it can hand out no further send until an answer
     * comes, so the count is final: exactly the default bound handed out, all of them at the gateway
     * at once. Released, the broadcast runs to its end without ever exceeding the bound, counted both
     * by the sender (from hand-out to return) and by the gateway (its high-water mark).
     */
    @Test
    void given_200_recipients_and_a_gateway_holding_answers_when_broadcast_with_the_defaults_then_exactly_32_in_flight()
            throws Exception {
        ConnectionId author = stored(ConnectionId.of(api.connect("author")));
        List<ConnectionId> recipients = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            recipients.add(stored(ConnectionId.of(api.connect(String.format("r%03d", i)))));
        }
        BroadcastSettings defaults = BroadcastSettings.defaults();
        int bound = defaults.maxConcurrency();
        assertThat(bound).isEqualTo(BroadcastSettings.DEFAULT_MAX_CONCURRENCY).isEqualTo(32);
        // a held answer must not time out: the SDK would retry the attempt while the gateway still
        // holds the first one, and the gateway would count both
        sender.close();
        sender = TestSenders.senderFor(api)
                .socketTimeout(Duration.ofMinutes(2))
                .apiCallTimeout(Duration.ofMinutes(2))
                .build();
        InFlightCountingSender counting = new InFlightCountingSender(sender);
        ChatServices chat = chat(counting, defaults);
        FutureTask<BroadcastResult> broadcast =
                new FutureTask<>(() -> chat.broadcast().broadcast(new BroadcastCommand(author, MESSAGE)));
        Thread broadcaster = new Thread(broadcast, "test-broadcaster");
        api.faults().hold();
        try {
            broadcaster.start();

            assertThat(api.requests().awaitInFlight(bound, Duration.ofSeconds(30))).as("sends at the gateway").isTrue();
            awaitWaitingForAPermit(broadcaster, Duration.ofSeconds(30));
            assertThat(counting.handedOut()).isEqualTo(bound);
            assertThat(api.requests().awaitInFlight(counting.handedOut(), Duration.ofSeconds(30))).isTrue();
            assertThat(api.requests().inFlight()).isEqualTo(bound);
            assertThat(api.requests().maxInFlight()).isEqualTo(bound);
            assertThat(broadcast).isNotDone();

            api.faults().release();
            BroadcastResult result = broadcast.get(60, TimeUnit.SECONDS);

            assertThat(result).isEqualTo(new BroadcastReport(200, 200, 0, 0, List.of()));
            assertThat(counting.handedOut()).isEqualTo(200);
            assertThat(counting.maxInFlight()).isEqualTo(bound);
            assertThat(api.requests().maxInFlight()).isEqualTo(bound);
            assertThat(api.requests().total()).isEqualTo(200);
            assertThat(recipients).allSatisfy(id -> assertThat(api.receivedBy(id.value())).containsExactly(MESSAGE));
            assertThat(api.receivedBy(author.value())).isEmpty();
        } finally {
            api.faults().release();
        }
        assertThat(stillAliveAfterJoining(Set.of(broadcaster), Duration.ofSeconds(10))).isEmpty();
        assertThat(stillAliveAfterJoining(threadsNamed(BROADCAST_THREAD_PREFIX), Duration.ofSeconds(10))).isEmpty();
    }

    @Test
    void given_throttled_and_failing_recipients_when_broadcast_then_the_sdk_retries_each_and_the_report_counts_them() {
        ConnectionId author = stored(ConnectionId.of(api.connect("author")));
        List<ConnectionId> recovering = new ArrayList<>();
        List<ConnectionId> broken = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ConnectionId id = stored(ConnectionId.of(api.connect(String.format("r%02d", i))));
            if (i % 10 == 1) {
                api.faults().next(id.value(), Fault.error(429));
                recovering.add(id);
            } else if (i % 10 == 2) {
                api.faults().always(id.value(), Fault.error(500));
                broken.add(id);
            }
        }
        ChatServices chat = chat(sender, BroadcastSettings.defaults().withMaxConcurrency(8));

        BroadcastResult result = chat.broadcast().broadcast(new BroadcastCommand(author, MESSAGE));

        assertThat(result).isInstanceOf(BroadcastReport.class);
        BroadcastReport report = (BroadcastReport) result;
        assertThat(report.attempted()).isEqualTo(50);
        assertThat(report.delivered()).isEqualTo(45);
        assertThat(report.goneRemoved()).isZero();
        assertThat(report.failed()).isEqualTo(5);
        assertThat(report.failures()).extracting(RecipientFailure::recipient)
                .containsExactlyInAnyOrderElementsOf(broken);
        assertThat(report.failures()).extracting(RecipientFailure::reason)
                .allSatisfy(reason -> assertThat(reason).startsWith("server error")
                        .endsWith("after " + TestSenders.MAX_ATTEMPTS + " attempts"));
        assertThat(recovering).allSatisfy(id -> {
            assertThat(api.requests().countFor(id.value())).isEqualTo(2);
            assertThat(api.receivedBy(id.value())).containsExactly(MESSAGE);
        });
        assertThat(broken).allSatisfy(id -> assertThat(api.requests().countFor(id.value())).isEqualTo(TestSenders.MAX_ATTEMPTS));
        assertThat(store.size()).isEqualTo(51);
    }

    private ChatServices chat(MessageSender messageSender, BroadcastSettings settings) {
        return ChatServices.builder()
                .connectionStore(store)
                .messageSender(messageSender)
                .connectionInfoQuery(sender)
                .replyRenderer(new JsonReplyRenderer())
                .messageBodyParser(new SendMessageBodyParser())
                .broadcastSettings(settings)
                .build();
    }

    private ConnectionId stored(ConnectionId id) {
        store.save(Connection.of(id, Instant.parse("2026-11-25T10:15:30Z"), ClientIdentity.UNKNOWN));
        return id;
    }

    private static Set<Thread> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(prefix))
                .collect(Collectors.toSet());
    }

    /** Joins the threads, all within the timeout, and returns those still alive. */
    private static List<Thread> stillAliveAfterJoining(Set<Thread> threads, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return threads.stream().filter(Thread::isAlive).toList();
    }

    /**
     * Waits until {@code thread} is parked on a {@link Semaphore}: the broadcast, waiting for a send
     * to end before it hands out the next. A condition polled, not a pause: nothing else can tell that
     * a thread will do nothing more.
     */
    private static void awaitWaitingForAPermit(Thread thread, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isParkedOnASemaphore(thread)) {
            if (System.nanoTime() - deadline > 0) {
                fail("%s is not waiting for a permit but %s in %s", thread.getName(), thread.getState(),
                        List.of(thread.getStackTrace()));
            }
            Thread.yield();
        }
    }

    private static boolean isParkedOnASemaphore(Thread thread) {
        Object blocker = LockSupport.getBlocker(thread);
        // the blocker is the semaphore's synchronizer, a nested class of Semaphore
        return thread.getState() == Thread.State.WAITING && blocker != null
                && blocker.getClass().getName().startsWith(Semaphore.class.getName() + "$");
    }

    /**
     * Counts the sends the broadcast hands out, and those handed out that have not returned: the
     * broadcast's bound as its sender sees it. The count goes down before a send's stage completes,
     * hence before the broadcast may hand out the next one.
     */
    private static final class InFlightCountingSender implements MessageSender {
        private final MessageSender delegate;
        private final AtomicInteger handedOut = new AtomicInteger();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger maxInFlight = new AtomicInteger();

        InFlightCountingSender(MessageSender delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletionStage<DeliveryOutcome> sendAsync(ConnectionId recipient, MessagePayload payload,
                                                          Executor executor) {
            handedOut.incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            // the default: send on the broadcast's pool, as for the real sender
            return MessageSender.super.sendAsync(recipient, payload, executor);
        }

        @Override
        public DeliveryOutcome send(ConnectionId recipient, MessagePayload payload) {
            try {
                return delegate.send(recipient, payload);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        int handedOut() {
            return handedOut.get();
        }

        int maxInFlight() {
            return maxInFlight.get();
        }
    }

    /** Remembers which threads sent: the broadcast's pool threads, to check they end. */
    private static final class ThreadRecordingSender implements MessageSender {
        private final MessageSender delegate;
        private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        ThreadRecordingSender(MessageSender delegate) {
            this.delegate = delegate;
        }

        @Override
        public DeliveryOutcome send(ConnectionId recipient, MessagePayload payload) {
            threads.add(Thread.currentThread());
            return delegate.send(recipient, payload);
        }

        Set<Thread> threads() {
            return Set.copyOf(threads);
        }
    }
}
