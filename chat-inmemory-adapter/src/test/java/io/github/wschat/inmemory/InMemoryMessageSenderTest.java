package io.github.wschat.inmemory;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessagePayload;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What the in-memory sender can be told, beyond the port's contract. */
class InMemoryMessageSenderTest {

    private final InMemoryMessageSender sender = InMemoryMessageSender.create();
    private final ConnectionId a = ConnectionId.of("A");

    @Test
    void a_failing_connection_fails_with_the_given_reason_and_receives_nothing() {
        sender.markFailing(a, "413 PayloadTooLargeException");

        assertThat(sender.send(a, MessagePayload.of("x"))).isEqualTo(DeliveryOutcome.failed("413 PayloadTooLargeException"));
        assertThat(sender.receivedBy(a)).isEmpty();
        assertThat(sender.deliveryCount()).isZero();
    }

    @Test
    void a_connection_made_healthy_again_receives() {
        sender.markGone(a).markHealthy(a);

        assertThat(sender.send(a, MessagePayload.of("back")).isDelivered()).isTrue();
        assertThat(sender.receivedBy(a)).containsExactly("back");
    }

    @Test
    void slow_sends_overlap_and_the_high_water_mark_shows_it() throws Exception {
        sender.markSlow(a, Duration.ofMillis(50));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture<?>[] sends = new CompletableFuture<?>[3];
            for (int i = 0; i < 3; i++) {
                sends[i] = sender.sendAsync(a, MessagePayload.of("m" + i), pool).toCompletableFuture();
            }
            CompletableFuture.allOf(sends).get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(sender.maxConcurrentSends()).isBetween(2, 3);
        assertThat(sender.receivedBy(a)).containsExactlyInAnyOrder("m0", "m1", "m2");
    }

    @Test
    void reset_forgets_what_was_received() {
        sender.send(a, MessagePayload.of("x"));

        sender.reset();

        assertThat(sender.receivedBy(a)).isEmpty();
        assertThat(sender.deliveryCount()).isZero();
        assertThat(sender.maxConcurrentSends()).isZero();
    }
}
