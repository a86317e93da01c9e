package io.github.wschat.testkit.connections;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Faults for a share of all {@code @connections} calls, for tests and benchmarks of the code that calls
 * the API: a share of calls answered with an error (a {@link Fault}), and a share of calls delayed. Given
 * to a running API with {@link Faults#inject(FaultInjection)}.
 *
 * <p>Draws come from a {@link java.util.Random} seeded with {@link #seed()}, two draws per call (one for
 * the error, one for the delay), so the same seed and the same number of calls give the same number of
 * faults, whatever the order in which concurrent calls arrive. Faults apply to well-formed calls on the
 * right stage ({@code POST}, {@code GET} and {@code DELETE}) that no fault scripted for their connection
 * answers, before the connection is looked up, as a throttle at API Gateway's front door would.
 *
 * <pre>{@code
 * FaultInjection faults = FaultInjection.builder()
 *         .seed(42)
 *         .fail(Fault.LIMIT_EXCEEDED, 0.20)             // 20 % of calls get 429
 *         .delay(Duration.ofMillis(50), 0.10)        // 10 % of calls wait 50 ms first
 *         .build();
 * }</pre>
 */
public final class FaultInjection {

    private static final FaultInjection NONE = builder().build();

    private final long seed;
    private final Map<Fault, Double> failureShares;
    private final Duration delay;
    private final double delayShare;

    private FaultInjection(Builder builder) {
        this.seed = builder.seed;
        this.failureShares = Collections.unmodifiableMap(new LinkedHashMap<>(builder.failureShares));
        this.delay = builder.delay;
        this.delayShare = builder.delayShare;
    }

    /** No faults: every call is answered at once, as it should be. */
    public static FaultInjection none() {
        return NONE;
    }

    /** A builder with no faults and seed 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** The seed of the random draws. */
    public long seed() {
        return seed;
    }

    /** The share (0 to 1) of calls answered with each fault, in the order given; the shares add up to at most 1. */
    public Map<Fault, Double> failureShares() {
        return failureShares;
    }

    /** How long a delayed call waits before it is handled. */
    public Duration delay() {
        return delay;
    }

    /** The share (0 to 1) of calls delayed by {@link #delay()}. */
    public double delayShare() {
        return delayShare;
    }

    /** Whether this injects nothing. */
    public boolean isNone() {
        return delayShare == 0 && failureShares.values().stream().allMatch(share -> share == 0);
    }

    @Override
    public String toString() {
        return "FaultInjection[seed=" + seed + ", failures=" + failureShares + ", delay=" + delay
                + " x " + delayShare + "]";
    }

    /** Builds a {@link FaultInjection}. */
    public static final class Builder {

        private long seed;
        private final Map<Fault, Double> failureShares = new LinkedHashMap<>();
        private Duration delay = Duration.ZERO;
        private double delayShare;

        private Builder() {
        }

        /** The seed of the random draws (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Answers the given share (0 to 1) of calls with the fault, an error; replaces an earlier share of the
         * same fault.
         */
        public Builder fail(Fault fault, double share) {
            Objects.requireNonNull(fault, "fault");
            if (!fault.isError()) {
                throw new IllegalArgumentException("not an error: " + fault + " (delays are delay(..))");
            }
            failureShares.put(fault, checkShare(share));
            return this;
        }

        /** Delays the given share (0 to 1) of calls by the given duration before handling them. */
        public Builder delay(Duration delay, double share) {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay is negative: " + delay);
            }
            this.delay = delay;
            this.delayShare = checkShare(share);
            return this;
        }

        /** The fault injection; fails if the failure shares add up to more than 1. */
        public FaultInjection build() {
            double total = failureShares.values().stream().mapToDouble(Double::doubleValue).sum();
            if (total > 1.0 + 1e-9) {
                throw new IllegalArgumentException("failure shares add up to more than 1: " + failureShares);
            }
            return new FaultInjection(this);
        }

        private static double checkShare(double share) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("share must be between 0 and 1: " + share);
            }
            return share;
        }
    }
}
