package io.github.wschat.local.internal;

import java.time.Duration;
import java.util.Random;

/**
 * Draws, for each {@code @connections} call, whether it fails and whether it waits, from a seeded random
 * sequence. Two draws per call, always, so the same seed and number of calls give the same number of
 * faults whatever the order of concurrent calls.
 */
final class FaultInjector {

    /** What to do with one call: fail with {@link #failure()} if not null, after {@link #delay()}. */
    record Decision(FaultPlan.Failure failure, Duration delay) {

        static final Decision PASS = new Decision(null, Duration.ZERO);
    }

    private final FaultPlan plan;
    private final Random random;
    private long failed;

    FaultInjector(FaultPlan plan) {
        this.plan = plan;
        this.random = new Random(plan.seed());
    }

    /** How many calls were answered with an injected failure. */
    synchronized long failed() {
        return failed;
    }

    FaultPlan plan() {
        return plan;
    }

    synchronized Decision next() {
        if (plan.failures().isEmpty() && plan.delayShare() == 0) {
            return Decision.PASS;
        }
        double failureDraw = random.nextDouble();
        double delayDraw = random.nextDouble();
        FaultPlan.Failure failure = null;
        double cumulative = 0;
        for (FaultPlan.Failure candidate : plan.failures()) {
            cumulative += candidate.share();
            if (failureDraw < cumulative) {
                failure = candidate;
                break;
            }
        }
        Duration delay = delayDraw < plan.delayShare() ? plan.delay() : Duration.ZERO;
        if (failure != null) {
            failed++;
        }
        return new Decision(failure, delay);
    }
}
