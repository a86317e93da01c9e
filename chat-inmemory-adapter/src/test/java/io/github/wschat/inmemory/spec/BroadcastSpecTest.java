package io.github.wschat.inmemory.spec;

import io.github.wschat.core.domain.BroadcastRejected;
import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.BroadcastResult;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.core.domain.MessageRejection;
import io.github.wschat.core.domain.PayloadLimit;
import io.github.wschat.core.domain.RecipientFailure;
import io.github.wschat.core.port.in.BroadcastCommand;
import io.github.wschat.core.port.out.MessageSender;
import io.github.wschat.core.service.BroadcastSettings;
import io.github.wschat.core.service.ChatServices;
import io.github.wschat.json.JsonReplyRenderer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** {@code sendmessage}: who receives what, and what the report says. */
class BroadcastSpecTest {

    private final ChatFixture fixture = new ChatFixture(BroadcastSettings.defaults().withPageSize(7));

    @Test
    void every_connection_but_the_sender_receives_the_message_across_many_pages() {
        List<ConnectionId> others = IntStream.range(0, 100).mapToObj(i -> fixture.connect("other-" + i)).toList();
        ConnectionId sender = fixture.connect("sender");

        BroadcastResult result = fixture.send(sender, "hi all");

        assertThat(others).allSatisfy(id -> assertThat(fixture.sender.receivedBy(id)).containsExactly("hi all"));
        assertThat(fixture.sender.receivedBy(sender)).isEmpty();
        assertThat(result).isEqualTo(new BroadcastReport(100, 100, 0, 0, List.of()));
    }

    @Test
    void gone_recipients_are_removed_from_the_store_and_reported() {
        ConnectionId a = fixture.connect("A");
        ConnectionId live = fixture.connect("live");
        ConnectionId gone1 = fixture.connect("gone-1");
        ConnectionId gone2 = fixture.connect("gone-2");
        fixture.sender.markGone(gone1).markGone(gone2);

        BroadcastReport report = (BroadcastReport) fixture.send(a, "hello");

        assertThat(report).isEqualTo(new BroadcastReport(3, 1, 2, 0, List.of()));
        assertThat(fixture.store.contains(gone1)).isFalse();
        assertThat(fixture.store.contains(gone2)).isFalse();
        assertThat(fixture.store.contains(live)).isTrue();
        assertThat(fixture.sender.receivedBy(live)).containsExactly("hello");
    }

    @Test
    void a_failing_recipient_is_reported_and_does_not_stop_the_others() {
        ConnectionId a = fixture.connect("A");
        List<ConnectionId> healthy = IntStream.range(0, 20).mapToObj(i -> fixture.connect("ok-" + i)).toList();
        ConnectionId failing = fixture.connect("failing");
        fixture.sender.markFailing(failing, "429 LimitExceededException");

        BroadcastReport report = (BroadcastReport) fixture.send(a, "hello");

        assertThat(report.attempted()).isEqualTo(21);
        assertThat(report.delivered()).isEqualTo(20);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.failures()).containsExactly(new RecipientFailure(failing, "429 LimitExceededException"));
        assertThat(healthy).allSatisfy(id -> assertThat(fixture.sender.receivedBy(id)).containsExactly("hello"));
        assertThat(fixture.store.contains(failing)).as("a failing connection is not gone: it stays").isTrue();
    }

    @Test
    void a_sender_that_throws_for_one_recipient_does_not_stop_the_others() {
        ThrowingForOne throwing = new ThrowingForOne(fixture.sender, ConnectionId.of("boom"));
        ChatServices chat = chatSendingWith(throwing);
        ConnectionId a = fixture.connect("A");
        ConnectionId b = fixture.connect("B");
        fixture.connect("boom");

        BroadcastReport report = (BroadcastReport) chat.broadcast().broadcast(new BroadcastCommand(a, "hello"));

        assertThat(report.delivered()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.failures().get(0).reason()).contains("IllegalStateException").contains("socket closed");
        assertThat(fixture.sender.receivedBy(b)).containsExactly("hello");
    }

    @Test
    void a_sender_that_returns_no_result_for_one_recipient_fails_only_that_one() {
        ConnectionId nothing = ConnectionId.of("nothing");
        ChatServices chat = chatSendingWith(new FaultyForOne(fixture.sender, nothing, () -> null));
        ConnectionId a = fixture.connect("A");
        ConnectionId b = fixture.connect("B");
        ConnectionId c = fixture.connect("C");
        fixture.connect("nothing");

        BroadcastResult result = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> chat.broadcast().broadcast(new BroadcastCommand(a, "hello")));

        assertThat(result).isEqualTo(new BroadcastReport(3, 2, 0, 1,
                List.of(new RecipientFailure(nothing, "sender returned no result"))));
        assertThat(fixture.sender.receivedBy(b)).containsExactly("hello");
        assertThat(fixture.sender.receivedBy(c)).containsExactly("hello");
    }

    @Test
    void a_sender_that_throws_an_error_for_one_recipient_ends_the_broadcast_with_that_error_and_does_not_hang() {
        SenderBug bug = new SenderBug();
        ChatServices chat = chatSendingWith(new FaultyForOne(fixture.sender, ConnectionId.of("boom"), () -> {
            throw bug;
        }));
        ConnectionId a = fixture.connect("A");
        ConnectionId b = fixture.connect("B");
        fixture.connect("boom");

        Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> catchThrowable(() -> chat.broadcast().broadcast(new BroadcastCommand(a, "hello"))));

        assertThat(thrown).isSameAs(bug);
        assertThat(fixture.sender.receivedBy(b)).as("the send already in flight completed first").containsExactly("hello");
    }

    @Test
    void an_empty_message_is_answered_to_its_sender_and_broadcast_to_nobody() {
        ConnectionId a = fixture.connect("A");
        ConnectionId b = fixture.connect("B");

        BroadcastResult result = fixture.send(a, "");

        assertThat(result).isInstanceOf(BroadcastRejected.class);
        BroadcastRejected rejected = (BroadcastRejected) result;
        assertThat(rejected.rejection().reason()).isEqualTo(MessageRejection.Reason.EMPTY_MESSAGE);
        assertThat(rejected.senderAnswer().isDelivered()).isTrue();
        assertThat(fixture.sender.receivedBy(a)).containsExactly("{\"error\":\"message is empty\"}");
        assertThat(fixture.sender.receivedBy(b)).isEmpty();
        assertThat(fixture.store.size()).isEqualTo(2);
    }

    @Test
    void an_oversized_message_is_answered_to_its_sender_with_its_size_and_broadcast_to_nobody() {
        ConnectionId a = fixture.connect("A");
        ConnectionId b = fixture.connect("B");
        String tooLarge = "é".repeat(64 * 1024 + 1); // 2 bytes each: 131,074 bytes > 128 KB

        BroadcastResult result = fixture.send(a, tooLarge);

        assertThat(((BroadcastRejected) result).rejection().reason()).isEqualTo(MessageRejection.Reason.MESSAGE_TOO_LARGE);
        assertThat(fixture.sender.receivedBy(a)).containsExactly(
                "{\"error\":\"message is 131074 bytes, more than the limit of 131072 bytes\"}");
        assertThat(fixture.sender.receivedBy(b)).isEmpty();
    }

    @Test
    void a_message_of_exactly_the_limit_is_sent() {
        ConnectionId a = fixture.connect("A");
        ConnectionId b = fixture.connect("B");
        String atLimit = "x".repeat(PayloadLimit.API_GATEWAY.maxBytes());

        fixture.send(a, atLimit);

        assertThat(fixture.sender.receivedBy(b)).containsExactly(atLimit);
    }

    @Test
    void the_limit_is_configurable() {
        ChatFixture small = new ChatFixture(BroadcastSettings.defaults().withPayloadLimit(PayloadLimit.ofBytes(5)));
        ConnectionId a = small.connect("A");
        ConnectionId b = small.connect("B");

        small.send(a, "12345");
        small.send(a, "123456");

        assertThat(small.sender.receivedBy(b)).containsExactly("12345");
        assertThat(small.sender.receivedBy(a)).containsExactly(
                "{\"error\":\"message is 6 bytes, more than the limit of 5 bytes\"}");
    }

    @Test
    void a_rejection_whose_sender_is_gone_is_reported_not_thrown() {
        ConnectionId a = fixture.connect("A");
        fixture.sender.markGone(a);

        BroadcastRejected rejected = (BroadcastRejected) fixture.send(a, "");

        assertThat(rejected.senderAnswer().status()).isEqualTo(DeliveryOutcome.Status.GONE);
    }

    @Test
    void sends_run_concurrently_but_never_more_than_the_configured_bound() {
        ChatFixture bounded = new ChatFixture(BroadcastSettings.defaults().withMaxConcurrency(4));
        ConnectionId a = bounded.connect("A");
        for (int i = 0; i < 40; i++) {
            bounded.sender.markSlow(bounded.connect("slow-" + i), Duration.ofMillis(5));
        }

        BroadcastReport report = (BroadcastReport) bounded.send(a, "hello");

        assertThat(report.delivered()).isEqualTo(40);
        assertThat(bounded.sender.maxConcurrentSends()).isBetween(2, 4);
    }

    private ChatServices chatSendingWith(MessageSender sender) {
        return ChatFixture.broadcastingChat(fixture.store, sender, BroadcastSettings.defaults());
    }

    /** Delegates to a real sender, but {@code sendAsync} to one recipient answers {@code faulty} as a buggy adapter might. */
    private record FaultyForOne(MessageSender delegate, ConnectionId victim, Supplier<CompletionStage<DeliveryOutcome>> faulty)
            implements MessageSender {
        @Override
        public CompletionStage<DeliveryOutcome> sendAsync(ConnectionId recipient, MessagePayload payload, Executor executor) {
            return recipient.equals(victim) ? faulty.get() : delegate.sendAsync(recipient, payload, executor);
        }

        @Override
        public DeliveryOutcome send(ConnectionId recipient, MessagePayload payload) {
            return delegate.send(recipient, payload);
        }
    }

    /** An {@link Error} a sender's bug might throw, which no broadcast should swallow. */
    private static final class SenderBug extends Error {
        SenderBug() {
            super("sender bug");
        }
    }

    /** Delegates to a real sender but throws for one recipient, as a buggy adapter might. */
    private record ThrowingForOne(MessageSender delegate, ConnectionId victim) implements MessageSender {
        @Override
        public DeliveryOutcome send(ConnectionId recipient, MessagePayload payload) {
            if (recipient.equals(victim)) {
                throw new IllegalStateException("socket closed");
            }
            return delegate.send(recipient, payload);
        }
    }
}
