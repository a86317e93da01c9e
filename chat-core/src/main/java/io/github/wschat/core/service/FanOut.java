package io.github.wschat.core.service;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.core.domain.RecipientFailure;
import io.github.wschat.core.port.out.MessageSender;
import io.github.wschat.core.port.out.PageCursor;
import io.github.wschat.core.port.out.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded fan-out shared by the broadcast and the rooms: sends one payload to recipients read page
 * by page, with at most {@code maxConcurrency} sends in flight, on one pool of at most that many threads
 * shared by every fan-out of the chat (see {@link BroadcastService} for why). A gone recipient is handed
 * to a {@link Gone} handler; a failing one is counted and never stops the others.
 */
final class FanOut {

    private static final Logger LOG = LoggerFactory.getLogger(FanOut.class);
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();
    /**
     * How long a sending thread without work stays: long enough for the broadcasts that overlap or
     * follow each other to share threads, short enough that a finished broadcast leaves none behind.
     */
    private static final Duration IDLE_THREAD_LIFETIME = Duration.ofSeconds(1);

    /** One page of recipients and, when more follow, where the next page starts ({@code null} on the last). */
    record Batch(List<ConnectionId> recipients, PageCursor next) {
    }

    /** Reads the pages of recipients. */
    @FunctionalInterface
    interface Recipients {
        Batch page(PageRequest request);
    }

    /** What happens to a recipient found gone; throwing makes it a failure of that recipient. */
    @FunctionalInterface
    interface Gone {
        void remove(ConnectionId recipient);
    }

    private final MessageSender sender;
    private final BroadcastSettings settings;
    private final ThreadPoolExecutor pool;

    FanOut(MessageSender sender, BroadcastSettings settings) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pool = newPool(settings.maxConcurrency());
    }

    BroadcastSettings settings() {
        return settings;
    }

    /** Sends {@code payload} to every recipient but {@code except}; returns when every send has completed. */
    BroadcastReport send(Recipients recipients, ConnectionId except, MessagePayload payload, Gone gone) {
        int maxInFlight = settings.maxConcurrency();
        Semaphore inFlight = new Semaphore(maxInFlight);
        Tally tally = new Tally();
        try {
            PageRequest request = PageRequest.first(settings.pageSize());
            while (true) {
                Batch page = recipients.page(request);
                for (ConnectionId recipient : page.recipients()) {
                    if (!recipient.equals(except)) {
                        inFlight.acquireUninterruptibly();
                        tally.attempted.incrementAndGet();
                        try {
                            start(recipient, payload).whenComplete((outcome, error) -> {
                                try {
                                    record(recipient, error == null ? outcome : Deliveries.failure(error), tally, gone);
                                } finally {
                                    inFlight.release();
                                }
                            });
                        } catch (Throwable e) {
                            // an Error from the sender (or a stage that cannot take a callback) ends the
                            // fan-out, but only once the sends in flight are done: the finally below
                            // waits for every permit, this one included
                            inFlight.release();
                            throw e;
                        }
                    }
                }
                if (page.next() == null) {
                    break;
                }
                request = request.after(page.next());
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

    private static void record(ConnectionId recipient, DeliveryOutcome outcome, Tally tally, Gone gone) {
        if (outcome == null) {
            tally.fail(recipient, "sender returned no outcome");
        } else if (outcome.isDelivered()) {
            tally.delivered.incrementAndGet();
        } else if (outcome.isGone()) {
            removeGone(recipient, tally, gone);
        } else {
            tally.fail(recipient, outcome.reason());
        }
    }

    private static void removeGone(ConnectionId recipient, Tally tally, Gone gone) {
        try {
            gone.remove(recipient);
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
        private final AtomicInteger failed = new AtomicInteger();
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
