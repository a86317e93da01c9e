package io.github.wschat.core.service;

import io.github.wschat.core.domain.BroadcastRejected;
import io.github.wschat.core.domain.BroadcastResult;
import io.github.wschat.core.domain.ChatError;
import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.Connection;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.ErrorCode;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.core.domain.PayloadLimit;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomResult;
import io.github.wschat.core.domain.TextLimit;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.core.port.in.BroadcastCommand;
import io.github.wschat.core.port.in.ConnectCommand;
import io.github.wschat.core.port.in.JoinRoomCommand;
import io.github.wschat.core.port.out.ConnectionPage;
import io.github.wschat.core.port.out.PageRequest;
import io.github.wschat.core.port.out.RoomPolicy;
import io.github.wschat.core.testing.ReadmeSnippets;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * chat-core/README.md's configuration compiles, and each setting shows in what the use cases do
 * with the ports: the clock stamps connections, the page size is what the store is asked for, the
 * payload limit refuses a longer message before the store is read; and with the room ports, a private
 * room without a grant is refused forbidden, with the ref, before any room port is asked.
 */
class ConfigurationReadmeTest extends ChatPortMocks {

    private static final ConnectionId ALICE = ConnectionId.of("alice");

    @Test
    void the_readme_configuration_reaches_the_use_cases() {
        given(renderer.rejection(any())).willReturn("{\"error\":\"too long\"}");
        given(sender.send(ALICE, MessagePayload.of("{\"error\":\"too long\"}"))).willReturn(DeliveryOutcome.delivered());

        // tag::configuration[]
        ChatServices chat = ChatServices.builder()
                .connectionStore(store)
                .messageSender(sender)
                .connectionInfoQuery(infoQuery)
                .replyRenderer(renderer)
                .messageBodyParser(parser)
                .clock(Clock.fixed(Instant.parse("2026-11-25T10:15:30Z"), ZoneOffset.UTC)) // stamps new connections
                .broadcastSettings(BroadcastSettings.defaults()
                        .withMaxConcurrency(64)                        // sends in flight (default 32)
                        .withPageSize(200)                             // connections read from the store at a time
                        .withPayloadLimit(PayloadLimit.ofBytes(4096))) // default 128 KB of UTF-8, API Gateway's
                .build();

        BroadcastResult tooLong = chat.broadcast().broadcast(new BroadcastCommand(ALICE, "x".repeat(4097)));

        assertThat(tooLong).isInstanceOf(BroadcastRejected.class); // answered to alice, sent to nobody
        // end::configuration[]
        then(store).shouldHaveNoInteractions();
        then(sender).should().send(ALICE, MessagePayload.of("{\"error\":\"too long\"}"));

        chat.connect().connect(new ConnectCommand(ALICE, ClientIdentity.UNKNOWN, UserIdentity.anonymous(ALICE)));
        then(store).should().save(Connection.of(ALICE, Instant.parse("2026-11-25T10:15:30Z"), ClientIdentity.UNKNOWN,
                UserIdentity.anonymous(ALICE)));

        given(store.findPage(PageRequest.first(200))).willReturn(ConnectionPage.last(List.of()));
        assertThat(chat.broadcast().broadcast(new BroadcastCommand(ALICE, "x".repeat(4096))))
                .isNotInstanceOf(BroadcastRejected.class);
        then(store).should().findPage(PageRequest.first(200));
    }

    @Test
    void the_module_readme_shows_exactly_this_configuration() {
        String snippet = ReadmeSnippets.snippet(
                "src/test/java/io/github/wschat/core/service/ConfigurationReadmeTest.java", "configuration");

        assertThat(ReadmeSnippets.moduleReadme()).contains(snippet);
    }

    @Test
    void the_readme_configuration_of_rooms_reaches_the_use_cases() {
        given(roomRenderer.error(any())).willReturn("{\"type\":\"error\",\"code\":\"forbidden\"}");
        given(sender.send(any(), any())).willReturn(DeliveryOutcome.delivered());

        // tag::rooms[]
        ChatServices chat = ChatServices.builder()
                .connectionStore(store)
                .messageSender(sender)
                .connectionInfoQuery(infoQuery)
                .replyRenderer(renderer)
                .messageBodyParser(parser)
                .roomMembership(membership)          // the four room ports: all of them, or none
                .messageLog(log)
                .roomRequestParser(roomParser)
                .roomEventRenderer(roomRenderer)
                .roomPolicy(RoomPolicy.standard())   // the default: private- rooms by grant
                .textLimit(TextLimit.ofBytes(4096))  // default 32 KB of UTF-8
                .build();

        ConnectionId alice = ConnectionId.of("alice");
        RoomResult result = chat.joinRoom().join(
                new JoinRoomCommand(alice, UserIdentity.anonymous(alice), RoomName.of("private-team-a"), "r1"));

        assertThat(result).isInstanceOf(RoomResult.Refused.class); // forbidden, to alice only
        // end::rooms[]
        assertThat(((RoomResult.Refused) result).error())
                .extracting(ChatError::code, ChatError::ref).containsExactly(ErrorCode.FORBIDDEN, "r1");
        then(sender).should().send(alice, MessagePayload.of("{\"type\":\"error\",\"code\":\"forbidden\"}"));
        then(membership).shouldHaveNoInteractions();
        then(log).shouldHaveNoInteractions();
        assertThat(chat.hasRooms()).isTrue();
    }

    @Test
    void the_module_readme_shows_exactly_this_configuration_of_rooms() {
        String snippet = ReadmeSnippets.snippet("src/test/java/io/github/wschat/core/service/ConfigurationReadmeTest.java", "rooms");

        assertThat(ReadmeSnippets.moduleReadme()).contains(snippet);
    }
}
