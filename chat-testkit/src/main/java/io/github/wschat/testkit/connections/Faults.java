package io.github.wschat.testkit.connections;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The fault and latency script of one {@code @connections} API, changed while it runs (thread-safe):
 * {@link Fault}s for the next calls of a connection and then for all of them, a {@link FaultInjection}
 * for a share of all calls, a latency added to every answer, and answers held until released.
 *
 * <p>Each well-formed call on the right stage is answered, in this order, with the connection's next
 * scripted fault, else its standing fault, else the injection's draw, else as usual; then it waits for
 * its fault's delay plus the latency, after any hold. Faults apply before the connection is looked up,
 * as API Gateway's front door would answer them. Waits are scheduled, never slept: a held or delayed
 * call takes no thread.
 *
 * <pre>{@code
 * Faults faults = api.faults();
 * faults.next(id, Fault.LIMIT_EXCEEDED);          // the next call for id: 429, then the usual answers
 * faults.always(other, Fault.error(500));         // every call for other: 500
 * faults.latency(Duration.ofMillis(5));           // a modeled network round trip on every answer
 * faults.inject(FaultInjection.builder().seed(42).fail(Fault.LIMIT_EXCEEDED, 0.2).build());
 * faults.hold();                                  // answers wait ...
 * faults.release();                               // ... until now
 * }</pre>
 */
public final class Faults {

    private static final Fault USUAL = Fault.delayed(Duration.ZERO);

    private final Map<String, Queue<Fault>> next = new ConcurrentHashMap<>();
    private final Map<String, Fault> standing = new ConcurrentHashMap<>();
    private volatile Duration latency = Duration.ZERO;
    private FaultInjection injection = FaultInjection.none();
    private Random random = new Random(0);
    private long injected;
    private List<Runnable> held;

    /** A new script: no faults, no latency, no hold. */
    public static Faults create() {
        return new Faults();
    }

    private Faults() {
    }

    /** Answers the next calls for {@code connectionId} with these, in order, before any other answer. */
    public void next(String connectionId, Fault... faults) {
        Objects.requireNonNull(connectionId, "connectionId");
        next.computeIfAbsent(connectionId, k -> new ConcurrentLinkedQueue<>()).addAll(List.of(faults));
    }

    /** Answers every call for {@code connectionId}, once its {@link #next} faults are used, with {@code fault}. */
    public void always(String connectionId, Fault fault) {
        standing.put(Objects.requireNonNull(connectionId, "connectionId"), Objects.requireNonNull(fault, "fault"));
    }

    /** Adds {@code latency} to every answer, faults included: a slow network (default none). */
    public void latency(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency is negative: " + latency);
        }
        this.latency = latency;
    }

    /**
     * Replaces the faults drawn for a share of all calls, from now on; the draws restart from its seed and
     * {@link #injectedFailures()} from 0.
     */
    public synchronized void inject(FaultInjection faults) {
        this.injection = Objects.requireNonNull(faults, "faults");
        this.random = new Random(faults.seed());
        this.injected = 0;
    }

    /**
     * How many calls were answered with a fault's error (scripted or drawn) since the injection was last
     * set: proof, for a test, that the faults did happen.
     */
    public synchronized long injectedFailures() {
        return injected;
    }

    /** Holds every answer from now on until {@link #release()}: for tests that need calls in flight. */
    public synchronized void hold() {
        if (held == null) {
            held = new ArrayList<>();
        }
    }

    /** Answers the held calls and stops holding. */
    public void release() {
        List<Runnable> answers;
        synchronized (this) {
            answers = held;
            held = null;
        }
        if (answers != null) {
            answers.forEach(Runnable::run);
        }
    }

    /** Forgets every scripted fault, the injection and the latency, and releases held answers. */
    public void clear() {
        next.clear();
        standing.clear();
        latency = Duration.ZERO;
        inject(FaultInjection.none());
        release();
    }

    /** The fault for this call of {@code connectionId}: an error, another body, or the usual answer, with its delay. */
    Fault decide(String connectionId) {
        Queue<Fault> scripted = next.get(connectionId);
        Fault fault = scripted == null ? null : scripted.poll();
        if (fault == null) {
            fault = standing.get(connectionId);
        }
        synchronized (this) {
            if (fault == null) {
                fault = draw();
            }
            if (fault.isError()) {
                injected++;
            }
        }
        Duration wait = latency;
        return wait.isZero() ? fault : fault.delayedBy(fault.delay().plus(wait));
    }

    /** Runs {@code answer} now, or once released if answers are held. */
    void whenReleased(Runnable answer) {
        synchronized (this) {
            if (held != null) {
                held.add(answer);
                return;
            }
        }
        answer.run();
    }

    /** Two draws a call, always, so that the same seed and number of calls give the same number of faults. */
    private Fault draw() {
        if (injection.isNone()) {
            return USUAL;
        }
        double failureDraw = random.nextDouble();
        double delayDraw = random.nextDouble();
        Duration delay = delayDraw < injection.delayShare() ? injection.delay() : Duration.ZERO;
        double cumulative = 0;
        for (Map.Entry<Fault, Double> failure : injection.failureShares().entrySet()) {
            cumulative += failure.getValue();
            if (failureDraw < cumulative) {
                return failure.getKey().delayedBy(failure.getKey().delay().plus(delay));
            }
        }
        return delay.isZero() ? USUAL : Fault.delayed(delay);
    }
}
