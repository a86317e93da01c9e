package io.github.wschat.inmemory.spec;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.Connection;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.core.port.in.BroadcastCommand;
import io.github.wschat.core.port.out.ConnectionPage;
import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.core.port.out.MessageSender;
import io.github.wschat.core.port.out.PageCursor;
import io.github.wschat.core.port.out.PageRequest;
import io.github.wschat.core.service.BroadcastSettings;
import io.github.wschat.core.service.ChatServices;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Broadcasts under churn and at a million recipients. */
class BroadcastUnderLoadSpecTest {

    private static final int STAYERS = 500;
    /** Connect-and-disconnect pairs the churn does before the second half of the stayers is sent to. */
    private static final int CHURN_BEFORE_SECOND_HALF = 100;

    @Test
    void a_broadcast_during_1000_connects_and_disconnects_reaches_everyone_connected_throughout() throws Exception {
        ChatFixture fixture = new ChatFixture();
        ConnectionId author = fixture.connect("author");
        List<ConnectionId> stayers = IntStream.range(0, STAYERS)
                .mapToObj(i -> fixture.connect(String.format("stay-%05d", i))).toList();
        ChurnWatchingSender watching = new ChurnWatchingSender(fixture.sender, Set.copyOf(stayers.subList(STAYERS / 2, STAYERS)));
        ChatServices chat = ChatFixture.broadcastingChat(fixture.store, watching,
                BroadcastSettings.defaults().withPageSize(25).withMaxConcurrency(8));
        AtomicBoolean broadcasting = new AtomicBoolean(true);
        ExecutorService churn = Executors.newFixedThreadPool(2);
        List<Future<Integer>> churners = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int thread = t;
            churners.add(churn.submit(() -> {
                if (!watching.firstSend.await(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("the broadcast never sent");
                }
                int churned = 0;
                // each thread connects and disconnects 500 distinct connections, and keeps going until
                // the broadcast is over. A churned id sorts right after a stayer's, so it lands among
                // the pages: thread 0 churns from the first stayer on, thread 1 from the middle one on,
                // where the broadcast is held back, so churn happens behind, at and ahead of its cursor
                for (int i = 0; churned < 500 || broadcasting.get(); i++) {
                    ConnectionId next = stayers.get((thread * STAYERS / 2 + i) % STAYERS);
                    ConnectionId id = fixture.connect(next.value() + "-churn-" + thread + "-" + i);
                    fixture.disconnect(id);
                    churned++;
                    watching.churned();
                }
                return churned;
            }));
        }
        try {
            BroadcastReport report = (BroadcastReport) chat.broadcast().broadcast(new BroadcastCommand(author, "still here?"));
            broadcasting.set(false);

            int churned = 0;
            for (Future<Integer> churner : churners) {
                churned += churner.get(60, TimeUnit.SECONDS);
            }
            assertThat(churned).isGreaterThanOrEqualTo(1_000);
            assertThat(watching.churnBetweenFirstAndLastSend()).as("connects and disconnects between the first and the last send")
                    .isGreaterThanOrEqualTo(CHURN_BEFORE_SECOND_HALF);
            assertThat(stayers).allSatisfy(id -> assertThat(fixture.sender.receivedBy(id)).containsExactly("still here?"));
            assertThat(report.delivered()).isGreaterThanOrEqualTo(STAYERS);
            assertThat(report.failed()).isZero();
            assertThat(fixture.sender.receivedBy(author)).isEmpty();
        } finally {
            broadcasting.set(false);
            churn.shutdownNow();
        }
    }

    @Test
    void a_broadcast_to_a_million_recipients_keeps_sends_threads_and_pending_futures_bounded() {
        int recipients = 1_000_000;
        int bound = 16;
        MillionConnections store = new MillionConnections(recipients + 1);
        CountingAsyncSender sender = new CountingAsyncSender();
        ChatServices chat = ChatFixture.broadcastingChat(store, sender,
                BroadcastSettings.defaults().withMaxConcurrency(bound).withPageSize(1_000));
        try {
            BroadcastReport report = (BroadcastReport) chat.broadcast()
                    .broadcast(new BroadcastCommand(MillionConnections.id(0), "to everyone"));

            assertThat(report.attempted()).isEqualTo(recipients);
            assertThat(report.delivered()).isEqualTo(recipients);
            assertThat(sender.maxPending.get()).as("futures pending at once").isBetween(1, bound);
            assertThat(sender.callingThreads).as("threads that started sends").hasSize(1);
            assertThat(store.largestPage.get()).isEqualTo(1_000);
        } finally {
            sender.completer.shutdownNow();
        }
    }

    @Test
    void a_blocking_sender_runs_on_at_most_max_concurrency_threads() {
        int bound = 6;
        MillionConnections store = new MillionConnections(20_001);
        BlockingSender blocking = new BlockingSender();
        ChatServices chat = ChatFixture.broadcastingChat(store, blocking,
                BroadcastSettings.defaults().withMaxConcurrency(bound));

        BroadcastReport report = (BroadcastReport) chat.broadcast()
                .broadcast(new BroadcastCommand(MillionConnections.id(0), "hi"));

        assertThat(report.delivered()).isEqualTo(20_000);
        assertThat(blocking.threads).hasSizeBetween(1, bound).allSatisfy(name -> assertThat(name).startsWith("wschat-broadcast-"));
    }

    @Test
    void concurrent_broadcasts_share_one_pool_and_never_run_more_than_max_concurrency_sends() throws Exception {
        int bound = 6;
        int broadcasts = 8;
        MillionConnections store = new MillionConnections(2_001);
        BlockingSender blocking = new BlockingSender();
        ChatServices chat = ChatFixture.broadcastingChat(store, blocking,
                BroadcastSettings.defaults().withMaxConcurrency(bound));
        ExecutorService authors = Executors.newFixedThreadPool(broadcasts);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<BroadcastReport>> reports = new ArrayList<>();
            for (int i = 0; i < broadcasts; i++) {
                ConnectionId author = MillionConnections.id(i);
                reports.add(authors.submit(() -> {
                    start.await();
                    return (BroadcastReport) chat.broadcast().broadcast(new BroadcastCommand(author, "hi"));
                }));
            }
            start.countDown();
            for (Future<BroadcastReport> report : reports) {
                assertThat(report.get(60, TimeUnit.SECONDS).delivered()).isEqualTo(2_000);
            }
        } finally {
            authors.shutdownNow();
        }

        // a pool per broadcast would have started at least one thread for each of the 8
        assertThat(blocking.threads).as("threads that ran sends, all broadcasts together").hasSizeBetween(1, bound);
        assertThat(blocking.mostRunning.get()).as("sends running at once, all broadcasts together").isBetween(1, bound);
    }

    /** A blocking sender that delivers at once and notes its calling threads and how many ran at a time. */
    private static final class BlockingSender implements MessageSender {
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final AtomicInteger mostRunning = new AtomicInteger();
        private final AtomicInteger running = new AtomicInteger();

        @Override
        public DeliveryOutcome send(ConnectionId recipient, MessagePayload payload) {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                threads.add(Thread.currentThread().getName());
                return DeliveryOutcome.delivered();
            } finally {
                running.decrementAndGet();
            }
        }
    }

    /**
     * Delegates to a real sender and ties the broadcast to the churn: the first send lets the churn
     * start, sends to the held-back recipients wait until it has done
     * {@code CHURN_BEFORE_SECOND_HALF} connect-and-disconnect pairs, and every send notes how many
     * pairs were done by then. Held back on the broadcast's threads, those sends take all its permits,
     * so the broadcast cannot read on, nor end, before the churn has got going.
     */
    private static final class ChurnWatchingSender implements MessageSender {
        final CountDownLatch firstSend = new CountDownLatch(1);
        private final CountDownLatch churnedEnough = new CountDownLatch(CHURN_BEFORE_SECOND_HALF);
        private final AtomicInteger churn = new AtomicInteger();
        private final AtomicInteger churnAtFirstSend = new AtomicInteger(-1);
        private final AtomicInteger churnAtLastSend = new AtomicInteger();
        private final MessageSender delegate;
        private final Set<ConnectionId> heldBack;

        ChurnWatchingSender(MessageSender delegate, Set<ConnectionId> heldBack) {
            this.delegate = delegate;
            this.heldBack = heldBack;
        }

        /** Called by the churn after each connect-and-disconnect pair. */
        void churned() {
            churn.incrementAndGet();
            churnedEnough.countDown();
        }

        int churnBetweenFirstAndLastSend() {
            return churnAtLastSend.get() - churnAtFirstSend.get();
        }

        @Override
        public DeliveryOutcome send(ConnectionId recipient, MessagePayload payload) {
            if (heldBack.contains(recipient) && !awaitChurn()) {
                return DeliveryOutcome.failed("the churn did not get going");
            }
            int churnSoFar = churn.get();
            churnAtFirstSend.compareAndSet(-1, churnSoFar);
            churnAtLastSend.accumulateAndGet(churnSoFar, Math::max);
            firstSend.countDown();
            return delegate.send(recipient, payload);
        }

        private boolean awaitChurn() {
            try {
                return churnedEnough.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * A store of {@code size} connections that are made up page by page and never held together,
     * so that the test measures the broadcast's memory, not the store's.
     */
    private static final class MillionConnections implements ConnectionStore {
        private static final Instant CONNECTED_AT = Instant.parse("2026-11-25T10:00:00Z");
        private final int size;
        final AtomicInteger largestPage = new AtomicInteger();

        MillionConnections(int size) {
            this.size = size;
        }

        static ConnectionId id(int index) {
            return ConnectionId.of("c" + index);
        }

        @Override
        public ConnectionPage findPage(PageRequest request) {
            int start = request.cursor().map(c -> Integer.parseInt(c.token())).orElse(0);
            int end = Math.min(size, start + request.size());
            List<Connection> page = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                page.add(Connection.of(id(i), CONNECTED_AT, ClientIdentity.UNKNOWN));
            }
            largestPage.accumulateAndGet(page.size(), Math::max);
            return end < size ? ConnectionPage.of(page, PageCursor.of(Integer.toString(end))) : ConnectionPage.last(page);
        }

        @Override
        public void save(Connection connection) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public void remove(ConnectionId id) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public Optional<Connection> find(ConnectionId id) {
            return Optional.empty();
        }
    }

    /**
     * A non-blocking sender whose futures complete on one separate thread, counting how many are
     * pending at once: the broadcast must never let that number pass its bound.
     */
    private static final class CountingAsyncSender implements MessageSender {
        final ExecutorService completer = Executors.newSingleThreadExecutor();
        final AtomicInteger pending = new AtomicInteger();
        final AtomicInteger maxPending = new AtomicInteger();
        final Set<String> callingThreads = ConcurrentHashMap.newKeySet();

        @Override
        public CompletionStage<DeliveryOutcome> sendAsync(ConnectionId recipient, MessagePayload payload, Executor executor) {
            callingThreads.add(Thread.currentThread().getName());
            maxPending.accumulateAndGet(pending.incrementAndGet(), Math::max);
            return CompletableFuture.supplyAsync(() -> {
                pending.decrementAndGet();
                return DeliveryOutcome.delivered();
            }, completer);
        }

        @Override
        public DeliveryOutcome send(ConnectionId recipient, MessagePayload payload) {
            throw new AssertionError("the broadcast must use sendAsync");
        }
    }
}
