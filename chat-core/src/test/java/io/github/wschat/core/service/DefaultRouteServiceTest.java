package io.github.wschat.core.service;

import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.ConnectionInfo;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.core.port.in.DefaultRouteCommand;
import io.github.wschat.core.port.out.ConnectionInfoQuery;
import io.github.wschat.core.port.out.MessageSender;
import io.github.wschat.core.port.out.MessageSenderException;
import io.github.wschat.core.port.out.ReplyRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/** The {@code $default} reply never fails on missing info: interactions with the ports. */
@ExtendWith(MockitoExtension.class)
class DefaultRouteServiceTest {

    private static final ConnectionId CALLER = ConnectionId.of("Bq3xkcNyoAMCJpQ=");
    private static final Instant CONNECTED_AT = Instant.parse("2026-11-25T10:15:30Z");
    private static final ConnectionInfo INFO =
            new ConnectionInfo(CONNECTED_AT, CONNECTED_AT, ClientIdentity.of("203.0.113.10", "wscat/6.1.0"));

    @Mock
    private ConnectionInfoQuery query;
    @Mock
    private MessageSender sender;
    @Mock
    private ReplyRenderer renderer;

    @Test
    void given_get_connection_fails_when_default_route_then_the_caller_is_answered_with_its_id() {
        given(query.connectionInfo(CALLER)).willThrow(new MessageSenderException("403 Forbidden"));
        given(renderer.unknownConnectionInfo(CALLER)).willReturn("{id}");
        given(sender.send(any(), any())).willReturn(DeliveryOutcome.delivered());

        DeliveryOutcome outcome = new DefaultRouteService(query, sender, renderer).reply(new DefaultRouteCommand(CALLER, UserIdentity.anonymous(CALLER)));

        assertThat(outcome.isDelivered()).isTrue();
        then(sender).should().send(CALLER, MessagePayload.of("Use the sendmessage route to send a message. Your info:{id}"));
    }

    @Test
    void given_a_sender_that_returns_null_info_when_default_route_then_no_null_pointer() {
        given(query.connectionInfo(CALLER)).willReturn(null);
        given(renderer.unknownConnectionInfo(CALLER)).willReturn("{id}");
        given(sender.send(any(), any())).willReturn(DeliveryOutcome.delivered());

        DeliveryOutcome outcome = new DefaultRouteService(query, sender, renderer).reply(new DefaultRouteCommand(CALLER, UserIdentity.anonymous(CALLER)));

        assertThat(outcome.isDelivered()).isTrue();
    }

    @Test
    void given_the_renderer_fails_on_the_info_when_default_route_then_the_caller_is_answered_with_its_id() {
        given(query.connectionInfo(CALLER)).willReturn(Optional.of(INFO));
        given(renderer.connectionInfo(CALLER, INFO)).willThrow(new IllegalStateException("cannot write the info"));
        given(renderer.unknownConnectionInfo(CALLER)).willReturn("{id}");
        given(sender.send(any(), any())).willReturn(DeliveryOutcome.delivered());

        DeliveryOutcome outcome = new DefaultRouteService(query, sender, renderer).reply(new DefaultRouteCommand(CALLER, UserIdentity.anonymous(CALLER)));

        assertThat(outcome.isDelivered()).isTrue();
        then(sender).should().send(CALLER, MessagePayload.of("Use the sendmessage route to send a message. Your info:{id}"));
    }

    @Test
    void given_the_renderer_returns_no_text_for_the_info_when_default_route_then_the_caller_is_answered_with_its_id() {
        given(query.connectionInfo(CALLER)).willReturn(Optional.of(INFO));
        given(renderer.connectionInfo(CALLER, INFO)).willReturn(null);
        given(renderer.unknownConnectionInfo(CALLER)).willReturn("{id}");
        given(sender.send(any(), any())).willReturn(DeliveryOutcome.delivered());

        DeliveryOutcome outcome = new DefaultRouteService(query, sender, renderer).reply(new DefaultRouteCommand(CALLER, UserIdentity.anonymous(CALLER)));

        assertThat(outcome.isDelivered()).isTrue();
        then(sender).should().send(CALLER, MessagePayload.of("Use the sendmessage route to send a message. Your info:{id}"));
    }

    @Test
    void given_the_reply_cannot_be_sent_when_default_route_then_the_failure_is_an_outcome() {
        given(query.connectionInfo(CALLER)).willReturn(Optional.empty());
        given(renderer.unknownConnectionInfo(CALLER)).willReturn("{id}");
        given(sender.send(any(), any())).willThrow(new IllegalStateException("connection reset"));

        DeliveryOutcome outcome = new DefaultRouteService(query, sender, renderer).reply(new DefaultRouteCommand(CALLER, UserIdentity.anonymous(CALLER)));

        assertThat(outcome.isFailed()).isTrue();
        assertThat(outcome.reason()).contains("connection reset");
    }

    @Test
    void a_default_route_command_carries_the_callers_user_and_needs_one() {
        assertThat(new DefaultRouteCommand(CALLER, UserIdentity.anonymous(CALLER)).user().userId())
                .isEqualTo("anon:Bq3xkcNyoAMCJpQ=");
        assertThatThrownBy(() -> new DefaultRouteCommand(CALLER, null))
                .isInstanceOf(NullPointerException.class).hasMessage("user");
    }
}
