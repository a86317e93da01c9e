package io.github.wschat.core.contract;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.core.port.out.MessageSender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link MessageSender} must do. An adapter's test extends this class and says how to
 * make a sender, how to arrange a live or a gone connection, and what a connection received. A
 * sender that also answers what the gateway knows of a connection runs
 * {@link ConnectionInfoQueryContract} in the same test, by implementing it.
 */
public abstract class MessageSenderContract {

    private MessageSender sender;

    /** A new sender; called before each test. */
    protected abstract MessageSender createSender();

    /**
     * Arranges a connection the sender can reach, whose info the gateway knows, and returns its id.
     * Public in a test that implements {@link ConnectionInfoQueryContract} too.
     */
    protected abstract ConnectionId givenLiveConnection();

    /** Arranges a connection that closed without notice (API Gateway's 410) and returns its id. */
    protected abstract ConnectionId givenGoneConnection();

    /** The texts {@code id} received so far, oldest first. */
    protected abstract List<String> receivedBy(ConnectionId id);

    @BeforeEach
    void setUpSender() {
        sender = createSender();
    }

    protected MessageSender sender() {
        return sender;
    }

    @Test
    void given_a_live_connection_when_sent_to_then_delivered_with_the_exact_text() {
        ConnectionId live = givenLiveConnection();
        String text = "hello, everyone! ünïcödé ✓ 🚀 \"quoted\"";

        DeliveryOutcome outcome = sender.send(live, MessagePayload.of(text));

        assertThat(outcome).isEqualTo(DeliveryOutcome.delivered());
        assertThat(receivedBy(live)).containsExactly(text);
    }

    @Test
    void given_a_gone_connection_when_sent_to_then_gone_and_nothing_received() {
        ConnectionId gone = givenGoneConnection();

        DeliveryOutcome outcome = sender.send(gone, MessagePayload.of("anyone there?"));

        assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.GONE);
        assertThat(receivedBy(gone)).isEmpty();
    }

    @Test
    void when_sent_asynchronously_then_the_outcome_is_the_same() throws Exception {
        ConnectionId live = givenLiveConnection();
        ConnectionId gone = givenGoneConnection();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            DeliveryOutcome toLive = sender.sendAsync(live, MessagePayload.of("async"), executor)
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            DeliveryOutcome toGone = sender.sendAsync(gone, MessagePayload.of("async"), executor)
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);

            assertThat(toLive.status()).isEqualTo(DeliveryOutcome.Status.DELIVERED);
            assertThat(toGone.status()).isEqualTo(DeliveryOutcome.Status.GONE);
            assertThat(receivedBy(live)).containsExactly("async");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void when_many_threads_send_at_once_then_every_message_is_delivered() throws Exception {
        ConnectionId live = givenLiveConnection();
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            List<Future<DeliveryOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                MessagePayload payload = MessagePayload.of("message " + i);
                outcomes.add(executor.submit(() -> sender.send(live, payload)));
            }
            for (Future<DeliveryOutcome> outcome : outcomes) {
                assertThat(outcome.get(30, TimeUnit.SECONDS).status()).isEqualTo(DeliveryOutcome.Status.DELIVERED);
            }

            assertThat(receivedBy(live)).hasSize(64).doesNotHaveDuplicates();
        } finally {
            executor.shutdownNow();
        }
    }
}
