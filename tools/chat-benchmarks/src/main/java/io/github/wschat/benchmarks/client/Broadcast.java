package io.github.wschat.benchmarks.client;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The receipts of one broadcast: when each client first decoded the expected text (or, for events that differ
 * per recipient or carry a server's time, the first text the broadcast's test accepts). The sender's own copy
 * (the tutorial posts to every connection, the sender included) is counted apart, as an echo.
 */
public final class Broadcast {

    private final String message;
    private final Predicate<String> isMessage;
    private final int senderIndex;
    private final int expected;
    private final long[] receivedAt;
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final CompletableFuture<Void> complete = new CompletableFuture<>();
    private volatile boolean echoed;
    private volatile long lastReceiptNanos;
    private volatile long startNanos;

    Broadcast(String message, Predicate<String> isMessage, int senderIndex, int expected, int clients) {
        this.message = message;
        this.isMessage = isMessage;
        this.senderIndex = senderIndex;
        this.expected = expected;
        this.receivedAt = new long[clients];
        if (expected == 0) {
            complete.complete(null);
        }
    }

    /** Marks now as the moment the message was sent: latencies count from here. */
    public void started() {
        startNanos = System.nanoTime();
        lastReceiptNanos = startNanos;
    }

    /** Takes {@code text} if it is this broadcast's message; false if it is not. */
    boolean receive(int index, String text, long nanos) {
        if (!isMessage.test(text)) {
            return false;
        }
        if (index == senderIndex) {
            echoed = true;
            return true;
        }
        if (index < 0 || index >= receivedAt.length) {
            return true; // a client connected after the broadcast started: not a recipient of it
        }
        synchronized (receivedAt) {
            if (receivedAt[index] != 0) {
                duplicates.incrementAndGet();
                return true;
            }
            receivedAt[index] = nanos;
        }
        lastReceiptNanos = nanos;
        if (received.incrementAndGet() == expected) {
            complete.complete(null);
        }
        return true;
    }

    /**
     * Waits until every expected recipient has the message, or until none arrived for {@code quiet} after
     * {@code notBefore} (System.nanoTime), or {@code timeout} passed.
     *
     * @return whether every recipient got it
     */
    public boolean await(long notBeforeNanos, Duration quiet, Duration timeout) throws InterruptedException {
        long deadline = startNanos + timeout.toNanos();
        while (true) {
            try {
                complete.get(50, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                long now = System.nanoTime();
                if (now > deadline) {
                    return false;
                }
                if (now > notBeforeNanos && now - Math.max(lastReceiptNanos, notBeforeNanos) > quiet.toNanos()) {
                    return false;
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Latencies from {@link #started()} to each receipt, in nanoseconds, ascending. */
    public long[] latenciesNanos() {
        synchronized (receivedAt) {
            return Arrays.stream(receivedAt).filter(at -> at != 0).map(at -> at - startNanos).sorted().toArray();
        }
    }

    public int expected() {
        return expected;
    }

    public int received() {
        return received.get();
    }

    public int duplicates() {
        return duplicates.get();
    }

    /** Whether the sender got its own message back. */
    public boolean echoed() {
        return echoed;
    }

    /** The expected text, or what the accepted texts have in common. */
    public String message() {
        return message;
    }
}
