package io.github.wschat.core.contract;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.port.out.ConnectionInfoQuery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ConnectionInfoQuery} must do. A JUnit test interface, so that the test of an
 * adapter that is both a sender and a query runs this suite next to {@link MessageSenderContract} on
 * the same arrangements:
 *
 * <pre>{@code
 * class MySenderContractTest extends MessageSenderContract implements ConnectionInfoQueryContract {
 *     public ConnectionInfoQuery connectionInfoQuery() { return sender; }
 *     public ConnectionId givenLiveConnection() { … }
 *     public ConnectionId givenGoneConnection() { … }
 * }
 * }</pre>
 */
public interface ConnectionInfoQueryContract {

    /** The query under test, made before each test. */
    ConnectionInfoQuery connectionInfoQuery();

    /** Arranges a connection whose info the gateway knows and returns its id. */
    ConnectionId givenLiveConnection();

    /** Arranges a connection that closed without notice (API Gateway's 410) and returns its id. */
    ConnectionId givenGoneConnection();

    @Test
    default void given_a_live_connection_when_its_info_is_asked_then_present() {
        ConnectionId live = givenLiveConnection();

        assertThat(connectionInfoQuery().connectionInfo(live)).isPresent();
    }

    @Test
    default void given_a_gone_connection_when_its_info_is_asked_then_empty() {
        ConnectionId gone = givenGoneConnection();

        assertThat(connectionInfoQuery().connectionInfo(gone)).isEmpty();
    }
}
