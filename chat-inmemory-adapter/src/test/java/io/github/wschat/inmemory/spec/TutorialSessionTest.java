package io.github.wschat.inmemory.spec;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.BroadcastResult;
import io.github.wschat.core.domain.Connection;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.ConnectionInfo;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.core.port.in.DefaultRouteCommand;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.github.wschat.inmemory.spec.ChatFixture.NOW;
import static io.github.wschat.inmemory.spec.ChatFixture.WSCAT;
import static org.assertj.core.api.Assertions.assertThat;

/** The tutorial's two-terminal wscat session, played against the use cases. */
class TutorialSessionTest {

    private final ChatFixture fixture = new ChatFixture();

    @Test
    void connect_stores_the_connection_with_the_clock_time_and_client_identity() {
        ConnectionId a = fixture.connect("Bq3xkcNyoAMCJpQ=");

        assertThat(fixture.store.find(a)).contains(Connection.of(a, NOW, WSCAT));
    }

    @Test
    void given_a_and_b_connected_when_a_sends_then_only_b_receives_the_raw_message() {
        ConnectionId a = fixture.connect("A");
        ConnectionId b = fixture.connect("B");

        BroadcastResult result = fixture.send(a, "hello, everyone!");

        assertThat(fixture.sender.receivedBy(b)).containsExactly("hello, everyone!");
        assertThat(fixture.sender.receivedBy(a)).isEmpty();
        assertThat(result).isEqualTo(new BroadcastReport(1, 1, 0, 0, java.util.List.of()));
    }

    @Test
    void default_route_answers_the_caller_with_the_tutorial_text_and_its_connection_info() {
        ConnectionId a = fixture.connect("Bq3xkcNyoAMCJpQ=");
        fixture.sender.registerInfo(a, new ConnectionInfo(NOW, Instant.parse("2026-11-25T10:16:20.877Z"), WSCAT));

        DeliveryOutcome outcome = fixture.chat.defaultRoute().reply(new DefaultRouteCommand(a, UserIdentity.anonymous(a)));

        assertThat(outcome.isDelivered()).isTrue();
        assertThat(fixture.sender.receivedBy(a)).containsExactly(
                "Use the sendmessage route to send a message. Your info:"
                        + "{\"ConnectedAt\":\"2026-11-25T10:15:30.000Z\","
                        + "\"Identity\":{\"SourceIp\":\"203.0.113.10\",\"UserAgent\":\"wscat/6.1.0\"},"
                        + "\"LastActiveAt\":\"2026-11-25T10:16:20.877Z\","
                        + "\"connectionID\":\"Bq3xkcNyoAMCJpQ=\"}");
    }

    @Test
    void given_the_info_cannot_be_fetched_when_default_route_then_the_caller_still_gets_an_answer_with_its_id() {
        ConnectionId a = fixture.connect("A");

        DeliveryOutcome outcome = fixture.chat.defaultRoute().reply(new DefaultRouteCommand(a, UserIdentity.anonymous(a)));

        assertThat(outcome.isDelivered()).isTrue();
        assertThat(fixture.sender.receivedBy(a)).containsExactly(
                "Use the sendmessage route to send a message. Your info:{\"connectionID\":\"A\"}");
    }

    @Test
    void disconnect_removes_the_connection_so_later_messages_skip_it() {
        ConnectionId a = fixture.connect("A");
        ConnectionId b = fixture.connect("B");

        fixture.disconnect(b);
        BroadcastResult result = fixture.send(a, "anyone?");

        assertThat(fixture.store.contains(b)).isFalse();
        assertThat(fixture.sender.receivedBy(b)).isEmpty();
        assertThat(((BroadcastReport) result).attempted()).isZero();
    }

    @Test
    void disconnecting_twice_is_harmless() {
        ConnectionId a = fixture.connect("A");

        fixture.disconnect(a);
        fixture.disconnect(a);

        assertThat(fixture.store.size()).isZero();
    }
}
