package io.github.wschat.core.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a broadcast did. {@code attempted = delivered + goneRemoved + failed}.
 *
 * @param attempted   recipients a send was attempted for (every stored connection but the sender)
 * @param delivered   recipients the message was delivered to
 * @param goneRemoved recipients that were gone and have been removed from the store
 * @param failed      recipients that could not be reached for another reason
 * @param failures    a sample of the failures, at most {@link #MAX_FAILURE_SAMPLES}, so that a broadcast
 *                    to a million dead connections does not build a million-element list
 */
public record BroadcastReport(int attempted, int delivered, int goneRemoved, int failed,
                              List<RecipientFailure> failures) implements BroadcastResult {

    /** The most failures a report lists one by one. */
    public static final int MAX_FAILURE_SAMPLES = 100;

    private static final BroadcastReport NONE = new BroadcastReport(0, 0, 0, 0, List.of());

    public BroadcastReport {
        if (attempted < 0 || delivered < 0 || goneRemoved < 0 || failed < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (attempted != delivered + goneRemoved + failed) {
            throw new IllegalArgumentException("attempted (" + attempted + ") must equal delivered ("
                    + delivered + ") + goneRemoved (" + goneRemoved + ") + failed (" + failed + ")");
        }
        failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
        if (failures.size() > Math.min(failed, MAX_FAILURE_SAMPLES)) {
            throw new IllegalArgumentException("more failure samples than failures");
        }
    }

    /** A fan-out to nobody: every count 0. */
    public static BroadcastReport none() {
        return NONE;
    }
}
