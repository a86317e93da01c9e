package io.github.wschat.core.service;

import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.Connection;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.core.port.in.ConnectCommand;
import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.core.port.out.ConnectionStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;

@ExtendWith(MockitoExtension.class)
class ConnectServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final UserIdentity ALICE = UserIdentity.of("user-1", "Alice", List.of("private-team-*", "lobby"));

    @Mock
    private ConnectionStore store;

    @Test
    void connect_saves_the_connection_stamped_by_the_injected_clock() {
        ConnectService service = new ConnectService(store, Clock.fixed(NOW, ZoneOffset.UTC));
        ConnectionId id = ConnectionId.of("A");

        assertThat(service.connect(new ConnectCommand(id, ClientIdentity.of("203.0.113.10", null), ALICE)).isAccepted())
                .isTrue();

        then(store).should().save(Connection.of(id, NOW, ClientIdentity.of("203.0.113.10", null), ALICE));
    }

    @Test
    void given_an_anonymous_user_when_connected_then_the_connection_is_stored_with_that_anonymous_user() {
        ConnectService service = new ConnectService(store, Clock.fixed(NOW, ZoneOffset.UTC));
        ConnectionId id = ConnectionId.of("Bq3xkcNyoAMCJpQ=");

        service.connect(new ConnectCommand(id, ClientIdentity.UNKNOWN, UserIdentity.anonymous(id)));

        then(store).should().save(new Connection(id, NOW, ClientIdentity.UNKNOWN,
                UserIdentity.of("anon:Bq3xkcNyoAMCJpQ=", "anonymous", List.of())));
    }

    @Test
    void a_connect_command_needs_a_user_the_adapter_gives_the_anonymous_one_when_authorization_is_off() {
        assertThatThrownBy(() -> new ConnectCommand(ConnectionId.of("A"), ClientIdentity.UNKNOWN, null))
                .isInstanceOf(NullPointerException.class).hasMessage("user");
        assertThatThrownBy(() -> new Connection(ConnectionId.of("A"), NOW, ClientIdentity.UNKNOWN, null))
                .isInstanceOf(NullPointerException.class).hasMessage("user");
    }

    @Test
    void a_store_failure_surfaces_as_the_stores_exception_for_the_adapter_to_answer_500() {
        ConnectService service = new ConnectService(store, Clock.systemUTC());
        ConnectionStoreException failure = new ConnectionStoreException("PutItem failed", new RuntimeException("throttled"));
        willThrow(failure).given(store).save(any());

        assertThatThrownBy(() -> service.connect(new ConnectCommand(ConnectionId.of("A"), null, ALICE))).isSameAs(failure);
    }

    @Test
    void the_chat_builder_fails_fast_on_a_missing_port() {
        assertThatThrownBy(() -> ChatServices.builder().connectionStore(store).build())
                .isInstanceOf(NullPointerException.class).hasMessage("messageSender is required");
    }
}
