package io.github.wschat.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} a test moves by hand, thread-safe: expiry and retention are tested without waiting.
 *
 * <pre>{@code
 * SettableClock clock = SettableClock.at(Instant.parse("2026-12-02T10:15:30Z"));
 * clock.advance(Duration.ofDays(8));
 * }</pre>
 */
public final class SettableClock extends Clock {

    private final AtomicReference<Instant> now;

    private SettableClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /** A clock showing {@code start} until moved. */
    public static SettableClock at(Instant start) {
        return new SettableClock(start);
    }

    /** Moves the clock forward (or back, for a negative duration). */
    public void advance(Duration by) {
        now.updateAndGet(instant -> instant.plus(by));
    }

    /** Sets the clock. */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a settable clock is in UTC");
    }
}
