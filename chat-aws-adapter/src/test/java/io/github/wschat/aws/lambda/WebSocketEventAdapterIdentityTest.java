package io.github.wschat.aws.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.github.wschat.aws.ApiGatewayChat;
import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.Connection;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.core.port.in.ConnectCommand;
import io.github.wschat.core.port.in.ConnectResult;
import io.github.wschat.core.port.in.ConnectUseCase;
import io.github.wschat.core.port.in.DefaultRouteCommand;
import io.github.wschat.core.port.in.DefaultRouteUseCase;
import io.github.wschat.core.port.in.SendMessageCommand;
import io.github.wschat.core.port.in.SendMessageUseCase;
import io.github.wschat.inmemory.InMemoryConnectionStore;
import io.github.wschat.inmemory.InMemoryMessageSender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.slf4j.event.Level;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.github.wschat.aws.lambda.LambdaEvents.authorized;
import static io.github.wschat.aws.lambda.LambdaEvents.connect;
import static io.github.wschat.aws.lambda.LambdaEvents.defaultMessage;
import static io.github.wschat.aws.lambda.LambdaEvents.sendMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * The user of every event is read from its {@code requestContext.authorizer} (the sample events with
 * the context a REQUEST authorizer gives API Gateway added) and reaches the commands; without an
 * authorizer it is the connection's anonymous user; a context that is not a user is refused.
 */
@ExtendWith(MockitoExtension.class)
class WebSocketEventAdapterIdentityTest {

    private static final String ALICE_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    /** As API Gateway hands a {@code $connect} authorizer's context to every event: principal and latency beside it. */
    private static final String ALICE_AUTHORIZER = "{\"principalId\":\"" + ALICE_ID + "\",\"userId\":\"" + ALICE_ID
            + "\",\"name\":\"Alice\",\"rooms\":\"private-team-*,lobby\",\"integrationLatency\":42}";
    private static final UserIdentity ALICE = UserIdentity.of(ALICE_ID, "Alice", List.of("private-team-*", "lobby"));
    private static final ClientIdentity WSCAT = ClientIdentity.of("203.0.113.10", "wscat/6.1.0");
    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    /** A value that must never be logged: it stands for whatever an authorizer put in its context. */
    private static final String SECRET = "SECRET";

    private final ConnectionId a = ConnectionId.of("Bq3xkcNyoAMCJpQ=");
    private final ConnectionId b = ConnectionId.of("Bq3yBfgkoAMCKlw=");

    @Mock
    private ChatUseCases chat;
    @Mock
    private ConnectUseCase connect;
    @Mock
    private SendMessageUseCase sendMessage;
    @Mock
    private DefaultRouteUseCase defaultRoute;

    private final InMemoryConnectionStore store = InMemoryConnectionStore.create();
    private final InMemoryMessageSender sender = InMemoryMessageSender.create();
    private final WebSocketEventAdapter realChat = ApiGatewayChat.builder()
            .connectionStore(store)
            .messageSenders(uri -> sender)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build()
            .adapter();

    // --- the user reaches the commands ---

    @Test
    void given_an_authorizer_context_when_connecting_then_the_connect_command_carries_its_user() {
        given(chat.connect()).willReturn(connect);
        given(connect.connect(any())).willReturn(ConnectResult.accept());

        APIGatewayV2WebSocketResponse response = adapter().handle(authorized("connect.json", a.value(), ALICE_AUTHORIZER), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        then(connect).should().connect(new ConnectCommand(a, WSCAT, ALICE));
    }

    @Test
    void given_an_authorizer_context_when_sending_a_message_then_the_send_message_command_carries_its_user() {
        given(chat.sendMessage(any())).willReturn(sendMessage);
        given(sendMessage.sendMessage(any())).willReturn(new BroadcastReport(1, 1, 0, 0, List.of()));
        APIGatewayV2WebSocketEvent event = authorized("message-sendmessage.json", a.value(), ALICE_AUTHORIZER);

        assertThat(adapter().onSendMessage(event, null).getStatusCode()).isEqualTo(200);

        then(sendMessage).should().sendMessage(new SendMessageCommand(a, ALICE, event.getBody()));
    }

    @Test
    void given_an_authorizer_context_when_matching_no_route_then_the_default_route_command_carries_its_user() {
        given(chat.defaultRoute(any())).willReturn(defaultRoute);
        given(defaultRoute.reply(any())).willReturn(DeliveryOutcome.delivered());

        assertThat(adapter().handle(authorized("message-default.json", a.value(), ALICE_AUTHORIZER), null)
                .getStatusCode()).isEqualTo(200);

        then(defaultRoute).should().reply(new DefaultRouteCommand(a, ALICE));
    }

    @Test
    void given_no_authorizer_when_any_route_then_the_user_is_the_connections_anonymous_one() {
        given(chat.connect()).willReturn(connect);
        given(connect.connect(any())).willReturn(ConnectResult.accept());
        given(chat.sendMessage(any())).willReturn(sendMessage);
        given(sendMessage.sendMessage(any())).willReturn(new BroadcastReport(0, 0, 0, 0, List.of()));
        given(chat.defaultRoute(any())).willReturn(defaultRoute);
        given(defaultRoute.reply(any())).willReturn(DeliveryOutcome.delivered());
        WebSocketEventAdapter adapter = adapter();
        APIGatewayV2WebSocketEvent message = sendMessage(a.value());
        assertThat(message.getRequestContext().getAuthorizer()).as("the sample events have no authorizer").isNull();

        adapter.handle(connect(a.value()), null);
        adapter.handle(message, null);
        adapter.handle(defaultMessage(a.value()), null);

        UserIdentity anonymous = UserIdentity.of("anon:Bq3xkcNyoAMCJpQ=", "anonymous", List.of());
        then(connect).should().connect(new ConnectCommand(a, WSCAT, anonymous));
        then(sendMessage).should().sendMessage(new SendMessageCommand(a, anonymous, message.getBody()));
        then(defaultRoute).should().reply(new DefaultRouteCommand(a, anonymous));
    }

    @Test
    void given_a_users_own_authorizer_answering_only_a_principal_then_the_principal_is_the_user_without_grants() {
        given(chat.connect()).willReturn(connect);
        given(connect.connect(any())).willReturn(ConnectResult.accept());

        adapter().handle(authorized("connect.json", a.value(),
                "{\"principalId\":\"me@example.com\",\"integrationLatency\":7}"), null);

        then(connect).should().connect(new ConnectCommand(a, WSCAT, UserIdentity.of("me@example.com", "me@example.com",
                List.of())));
    }

    @Test
    void given_an_authorizer_context_when_connecting_to_the_real_services_then_the_user_is_stored_and_the_tutorial_still_holds() {
        realChat.handle(authorized("connect.json", a.value(), ALICE_AUTHORIZER), null);
        realChat.handle(connect(b.value()), null);

        APIGatewayV2WebSocketResponse sent = realChat.handle(
                authorized("message-sendmessage.json", a.value(), ALICE_AUTHORIZER), null);

        assertThat(store.find(a)).contains(Connection.of(a, NOW, WSCAT, ALICE));
        assertThat(store.find(b)).map(Connection::user).contains(UserIdentity.anonymous(b));
        assertThat(sent.getStatusCode()).isEqualTo(200);
        assertThat(sender.receivedBy(b)).as("the tutorial's raw text, byte for byte").containsExactly("hello, everyone!");
    }

    // --- contexts that are not a user ---

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"integrationLatency\":42}",
            "{\"principalId\":\"user-1\",\"userId\":42}",
            "{\"principalId\":\"user-1\",\"userId\":\"SECRET\\u0000\"}",
            "{\"principalId\":\"user-1\",\"userId\":\"user-1\",\"name\":\"SECRET\\n\"}",
            "{\"principalId\":\"user-1\",\"userId\":\"user-1\",\"name\":\"SECRETSECRETSECRETSECRETSECRETSECRETSECRET"
                    + "SECRETSECRETSECRETSECRETSECRETSECRETSECRETSECRETSECRETSECRETSECRETSECRETSECRETSECRETSECRET\"}",
            "{\"principalId\":\"user-1\",\"userId\":\"user-1\",\"rooms\":\"lobby,,SECRET\"}",
            "{\"principalId\":\"user-1\",\"userId\":\"user-1\",\"rooms\":\"private SECRET\"}",
            "{\"principalId\":\"SECRET\\r\\nINFO forged log line\"}"})
    void given_a_context_that_is_not_a_user_when_connecting_then_500_nothing_stored_and_a_warning_naming_the_connection_only(
            String authorizer) {
        APIGatewayV2WebSocketResponse response;
        List<LogCapture.LogRecord> logged;
        try (LogCapture log = LogCapture.start()) {
            response = realChat.handle(authorized("connect.json", a.value(), authorizer), null);
            logged = log.recordsAtLeast(Level.WARN);
        }

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).isEqualTo("{\"error\":\"internal error\"}");
        assertThat(store.size()).as("the connection is refused: no item").isZero();
        assertThat(logged).singleElement().satisfies(warning -> {
            assertThat(warning.level()).isEqualTo(Level.WARN);
            assertThat(warning.logger()).isEqualTo(WebSocketEventAdapter.class.getName());
            assertThat(warning.text()).contains(a.value()).contains("$connect").contains("Bq3xkHvYIAMFd2A=")
                    .doesNotContain(SECRET).doesNotContain("user-1");
        });
    }

    @Test
    void given_a_context_that_is_not_a_user_on_later_routes_then_500_and_a_warning_and_nothing_is_sent() {
        String unreadable = "{\"principalId\":\"user-1\",\"userId\":\"user-1\",\"rooms\":\"lobby,,SECRET\"}";
        realChat.handle(connect(b.value()), null);
        List<LogCapture.LogRecord> logged;
        APIGatewayV2WebSocketResponse sent;
        APIGatewayV2WebSocketResponse answered;
        try (LogCapture log = LogCapture.start()) {
            sent = realChat.handle(authorized("message-sendmessage.json", a.value(), unreadable), null);
            answered = realChat.handle(authorized("message-default.json", a.value(), unreadable), null);
            logged = log.recordsAtLeast(Level.WARN);
        }

        assertThat(sent.getStatusCode()).isEqualTo(500);
        assertThat(answered.getStatusCode()).isEqualTo(500);
        assertThat(sender.receivedBy(a)).isEmpty();
        assertThat(sender.receivedBy(b)).isEmpty();
        assertThat(logged).hasSize(2).allSatisfy(warning -> {
            assertThat(warning.level()).isEqualTo(Level.WARN);
            assertThat(warning.text()).contains(a.value()).doesNotContain(SECRET);
        });
    }

    @Test
    void given_a_context_that_is_not_a_user_on_disconnect_then_the_connection_is_still_removed() {
        store.save(Connection.of(a, NOW, WSCAT, ALICE));

        APIGatewayV2WebSocketResponse response = realChat.handle(
                authorized("disconnect.json", a.value(), "{\"integrationLatency\":42}"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(store.contains(a)).isFalse();
    }

    private WebSocketEventAdapter adapter() {
        return WebSocketEventAdapter.builder().useCases(chat).build();
    }
}
