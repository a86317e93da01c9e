package io.github.wschat.testkit.connections;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code @connections} calls an API received (valid ids on its stage, whatever their answer): each
 * call with its headers and arrival time, counts per connection, the calls in flight (arrived, not yet
 * answered: held, delayed or being read) and the most at once, and the client TCP connections seen.
 * Thread-safe.
 */
public final class RequestLog {

    private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> perId = new ConcurrentHashMap<>();
    private final Set<String> clientAddresses = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Object inFlightChanged = new Object();

    /** An empty log. */
    public static RequestLog create() {
        return new RequestLog();
    }

    private RequestLog() {
    }

    /** Every call, in the order recorded. */
    public List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    /** The calls for {@code connectionId}, in the order they arrived. */
    public List<RecordedRequest> forConnection(String connectionId) {
        return requests.stream()
                .filter(request -> request.connectionId().equals(connectionId))
                .sorted(Comparator.comparingLong(RecordedRequest::arrivedAtNanos))
                .toList();
    }

    /** How many calls for {@code connectionId}, whatever their method and answer. */
    public int countFor(String connectionId) {
        AtomicInteger count = perId.get(connectionId);
        return count == null ? 0 : count.get();
    }

    /** How many calls in all. */
    public int total() {
        return requests.size();
    }

    /** The calls arrived and not answered yet: held, delayed or being read. */
    public int inFlight() {
        return inFlight.get();
    }

    /** The most calls in flight at once. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Distinct client addresses (host and port) seen: one per TCP connection the client opened. */
    public int clientConnections() {
        return clientAddresses.size();
    }

    /** Waits until {@code count} calls are in flight at once, without polling; false on timeout. */
    public boolean awaitInFlight(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (inFlightChanged) {
            while (inFlight.get() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(inFlightChanged, left);
            }
            return true;
        }
    }

    /** Forgets the calls, counts and client connections; the most in flight restarts from those in flight now. */
    public void reset() {
        requests.clear();
        perId.clear();
        clientAddresses.clear();
        maxInFlight.set(inFlight.get());
    }

    /** Records a call as it arrives; it is in flight until {@link #answered()}. */
    void arrived(RecordedRequest request, String clientAddress) {
        requests.add(request);
        perId.computeIfAbsent(request.connectionId(), k -> new AtomicInteger()).incrementAndGet();
        clientAddresses.add(clientAddress);
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        signalInFlight();
    }

    /**
     * A call's answer is decided: no longer in flight. Counted until its answer is written, a call could
     * overlap the client's next one and the count exceed the client's bound.
     */
    void answered() {
        inFlight.decrementAndGet();
        signalInFlight();
    }

    private void signalInFlight() {
        synchronized (inFlightChanged) {
            inFlightChanged.notifyAll();
        }
    }
}
