package io.github.wschat.core.service;

import io.github.wschat.core.domain.BroadcastRejected;
import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.BroadcastResult;
import io.github.wschat.core.domain.Connection;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.core.domain.MessageRejection;
import io.github.wschat.core.domain.RecipientFailure;
import io.github.wschat.core.port.in.BroadcastCommand;
import io.github.wschat.core.port.in.BroadcastUseCase;
import io.github.wschat.core.port.in.RejectMessageCommand;
import io.github.wschat.core.port.in.RejectMessageUseCase;
import io.github.wschat.core.port.out.ConnectionPage;
import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.core.port.out.MessageSender;
import io.github.wschat.core.port.out.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a message to every stored connection but the sender.
 *
 * <p>Connections are read one page at a time and sent to with at most
 * {@link BroadcastSettings#maxConcurrency()} sends in flight: a semaphore is taken before each send
 * and given back when it completes, so a million recipients never mean a million threads or pending
 * futures. Blocking senders run on this service's pool of at most that many threads, shared by the
 * broadcasts that run at once (threads start on demand and end after a second without work), so
 * that concurrent broadcasts in one process, as behind a local gateway or a container service,
 * never run more than {@code maxConcurrency} sends at a time: with a pool each, 50 broadcasts
 * would put 1,600 requests in flight on a few cores and hold every one of them for seconds, long
 * enough for an HTTP client's read timeout and retry. Non-blocking senders
 * ({@link MessageSender#sendAsync}) use their own I/O.
 *
 * <p>A gone recipient is removed from the store; a failing one is counted and never stops the others.
 * A sender that throws a {@link RuntimeException} or returns no stage fails that recipient only; an
 * {@link Error} it throws ends the broadcast, once the sends already in flight have completed.
 */
public final class BroadcastService implements BroadcastUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastService.class);
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();
    /**
     * How long a sending thread without work stays: long enough for the broadcasts that overlap or
     * follow each other to share threads, short enough that a finished broadcast leaves none behind.
     */
    private static final Duration IDLE_THREAD_LIFETIME = Duration.ofSeconds(1);

    private final ConnectionStore store;
    private final MessageSender sender;
    private final RejectMessageUseCase rejecter;
    private final BroadcastSettings settings;
    private final ThreadPoolExecutor pool;

    public BroadcastService(ConnectionStore store, MessageSender sender, RejectMessageUseCase rejecter,
                            BroadcastSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.rejecter = Objects.requireNonNull(rejecter, "rejecter");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pool = newPool(settings.maxConcurrency());
    }

    @Override
    public BroadcastResult broadcast(BroadcastCommand command) {
        Optional<MessageRejection> rejection = settings.payloadLimit().check(command.message());
        if (rejection.isPresent()) {
            DeliveryOutcome answer = rejecter.reject(new RejectMessageCommand(command.sender(), rejection.get()));
            return new BroadcastRejected(rejection.get(), answer);
        }
        BroadcastReport report = fanOut(command.sender(), MessagePayload.of(command.message()));
        LOG.info("broadcast from {}: {} attempted, {} delivered, {} gone and removed, {} failed",
                command.sender(), report.attempted(), report.delivered(), report.goneRemoved(), report.failed());
        return report;
    }

    private BroadcastReport fanOut(ConnectionId author, MessagePayload payload) {
        int maxInFlight = settings.maxConcurrency();
        Semaphore inFlight = new Semaphore(maxInFlight);
        Tally tally = new Tally();
        try {
            PageRequest request = PageRequest.first(settings.pageSize());
            while (true) {
                ConnectionPage page = store.findPage(request);
                for (Connection recipient : page.connections()) {
                    if (!recipient.id().equals(author)) {
                        inFlight.acquireUninterruptibly();
                        tally.attempted.incrementAndGet();
                        try {
                            start(recipient.id(), payload).whenComplete((outcome, error) -> {
                                try {
                                    record(recipient.id(), error == null ? outcome : Deliveries.failure(error), tally);
                                } finally {
                                    inFlight.release();
                                }
                            });
                        } catch (Throwable e) {
                            // an Error from the sender (or a stage that cannot take a callback) ends the
                            // broadcast, but only once the sends in flight are done: the finally below
                            // waits for every permit, this one included
                            inFlight.release();
                            throw e;
                        }
                    }
                }
                if (page.next().isEmpty()) {
                    break;
                }
                request = request.after(page.next().get());
            }
        } finally {
            // every permit back means every send has completed and been recorded
            inFlight.acquireUninterruptibly(maxInFlight);
        }
        return tally.report();
    }

    private CompletionStage<DeliveryOutcome> start(ConnectionId recipient, MessagePayload payload) {
        try {
            CompletionStage<DeliveryOutcome> sending = sender.sendAsync(recipient, payload, pool);
            return sending != null
                    ? sending
                    : CompletableFuture.completedFuture(DeliveryOutcome.failed("sender returned no result"));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Deliveries.failure(e));
        }
    }

    private void record(ConnectionId recipient, DeliveryOutcome outcome, Tally tally) {
        if (outcome == null) {
            tally.fail(recipient, "sender returned no outcome");
        } else if (outcome.isDelivered()) {
            tally.delivered.incrementAndGet();
        } else if (outcome.isGone()) {
            removeGone(recipient, tally);
        } else {
            tally.fail(recipient, outcome.reason());
        }
    }

    private void removeGone(ConnectionId recipient, Tally tally) {
        try {
            store.remove(recipient);
            tally.goneRemoved.incrementAndGet();
            LOG.debug("removed gone connection {}", recipient);
        } catch (RuntimeException e) {
            LOG.warn("connection {} is gone but could not be removed", recipient, e);
            tally.fail(recipient, "gone, and removing it failed: " + e.getMessage());
        }
    }

    private static ThreadPoolExecutor newPool(int threads) {
        int poolNumber = POOL_NUMBER.incrementAndGet();
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "wschat-broadcast-" + poolNumber + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // threads start on demand, so a broadcast to 3 recipients starts at most 3, and end after a
        // second without work; each broadcast's semaphore keeps its share of the queue at most
        // maxConcurrency long
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, IDLE_THREAD_LIFETIME.toMillis(),
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Counters shared by the completing sends. */
    private static final class Tally {
        final AtomicInteger attempted = new AtomicInteger();
        final AtomicInteger delivered = new AtomicInteger();
        final AtomicInteger goneRemoved = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        private final List<RecipientFailure> failures = new ArrayList<>();

        void fail(ConnectionId recipient, String reason) {
            failed.incrementAndGet();
            synchronized (failures) {
                if (failures.size() < BroadcastReport.MAX_FAILURE_SAMPLES) {
                    failures.add(new RecipientFailure(recipient, reason));
                }
            }
        }

        BroadcastReport report() {
            synchronized (failures) {
                return new BroadcastReport(attempted.get(), delivered.get(), goneRemoved.get(), failed.get(), failures);
            }
        }
    }
}
