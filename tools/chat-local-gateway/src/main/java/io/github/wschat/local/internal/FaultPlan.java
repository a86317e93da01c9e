package io.github.wschat.local.internal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The faults the {@code @connections} API injects, as the server sees them.
 *
 * @param seed       the seed of the draws
 * @param failures   the errors and the share of calls each answers
 * @param delay      how long a delayed call waits
 * @param delayShare the share of calls delayed
 */
public record FaultPlan(long seed, List<Failure> failures, Duration delay, double delayShare) {

    /** No faults. */
    public static final FaultPlan NONE = new FaultPlan(0, List.of(), Duration.ZERO, 0);

    public FaultPlan {
        failures = List.copyOf(failures);
        Objects.requireNonNull(delay, "delay");
    }

    /**
     * One injected error.
     *
     * @param share     the share of calls answered with it
     * @param status    the HTTP status
     * @param errorType the {@code x-amzn-ErrorType} value
     * @param body      the JSON body
     */
    public record Failure(double share, int status, String errorType, String body) {

        public Failure {
            Objects.requireNonNull(errorType, "errorType");
            Objects.requireNonNull(body, "body");
        }
    }
}
