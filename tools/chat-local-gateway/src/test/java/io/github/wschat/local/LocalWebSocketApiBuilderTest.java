package io.github.wschat.local;

import io.github.wschat.local.internal.GatewayConfig;
import io.github.wschat.testkit.connections.Fault;
import io.github.wschat.testkit.connections.FaultInjection;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The builder fails fast on bad configurations; the lifecycle and the endpoints. */
class LocalWebSocketApiBuilderTest {

    @Test
    void given_port_0_when_started_then_a_free_port_is_picked_and_the_endpoints_use_it() {
        try (LocalWebSocketApi api = LocalWebSocketApi.builder().stage("dev").start()) {
            assertThat(api.port()).isPositive();
            assertThat(api.webSocketUri()).hasToString("ws://127.0.0.1:" + api.port() + "/dev");
            assertThat(api.connectionsEndpoint()).hasToString("http://127.0.0.1:" + api.port() + "/dev");
            assertThat(api.stage()).isEqualTo("dev");
            assertThat(api.apiId()).isEqualTo("localwsapi");
            assertThat(api.connectionIds()).isEmpty();
        }
    }

    @Test
    void given_the_default_settings_then_the_connections_calls_are_not_recorded() {
        try (LocalWebSocketApi quiet = LocalWebSocketApi.builder().start();
             LocalWebSocketApi recording = LocalWebSocketApi.builder().recordConnectionsRequests().start()) {
            assertThatThrownBy(quiet::connectionsRequests).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("records no calls");
            assertThat(recording.connectionsRequests().total()).isZero();
        }
    }

    @Test
    void given_two_apis_on_port_0_then_they_get_different_ports() {
        try (LocalWebSocketApi first = LocalWebSocketApi.builder().start();
             LocalWebSocketApi second = LocalWebSocketApi.builder().start()) {
            assertThat(first.port()).isNotEqualTo(second.port());
        }
    }

    @Test
    void given_a_taken_port_when_started_then_it_fails_with_a_local_web_socket_api_exception() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            LocalWebSocketApi api = LocalWebSocketApi.builder().port(taken.getLocalPort()).build();
            assertThatThrownBy(api::start).isInstanceOf(LocalWebSocketApiException.class)
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
        }
    }

    @Test
    void given_an_api_not_started_or_closed_then_its_accessors_and_restart_fail() {
        LocalWebSocketApi api = LocalWebSocketApi.builder().build();
        assertThatThrownBy(api::port).isInstanceOf(IllegalStateException.class);
        api.start();
        assertThatThrownBy(api::start).isInstanceOf(IllegalStateException.class);
        api.close();
        api.close();
        assertThatThrownBy(api::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void given_invalid_settings_then_the_builder_refuses_them() {
        assertThatThrownBy(() -> LocalWebSocketApi.builder().stage("prod/v1").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalWebSocketApi.builder().stage("").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalWebSocketApi.builder().routeSelectionExpression("$request.header.x").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalWebSocketApi.builder().routeSelectionExpression("$request.body.").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalWebSocketApi.builder().routeSelectionExpression("$request.body.a..b").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalWebSocketApi.builder().maxFrameBytes(64 * 1024).maxMessageBytes(32 * 1024).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalWebSocketApi.builder().idleTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalWebSocketApi.builder().port(70_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalWebSocketApi.builder().route("$custom", RecordingHandler.ok()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultInjection.builder().fail(Fault.GONE, 0.6)
                .fail(Fault.LIMIT_EXCEEDED, 0.6).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultInjection.builder().fail(Fault.GONE, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_no_settings_then_the_limits_are_api_gateways_quotas() {
        GatewayConfig defaults = LocalWebSocketApi.builder().build().config();

        assertThat(defaults.maxFrameBytes()).isEqualTo(32 * 1024);
        assertThat(defaults.maxMessageBytes()).isEqualTo(128 * 1024);
        assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.maxConnectionDuration()).isEqualTo(Duration.ofHours(2));
        assertThat(defaults.integrationTimeout()).isEqualTo(Duration.ofSeconds(29));
        assertThat(defaults.maxPendingOutboundBytes()).isEqualTo(1024 * 1024);
        assertThat(defaults.acceptBinaryFrames()).isFalse();
    }

    @Test
    void given_routes_then_their_defaults_are_one_way_with_a_function_name_from_the_key() {
        Route route = Route.oneWay("sendmessage", RecordingHandler.ok());
        assertThat(route.twoWay()).isFalse();
        assertThat(route.functionName()).isEqualTo("local-sendmessage");
        assertThat(Route.twoWay("$default", RecordingHandler.ok()).functionName()).isEqualTo("local-default");
        assertThat(route.withFunctionName("SendMessageFunction").functionName()).isEqualTo("SendMessageFunction");
        assertThat(FaultInjection.none().isNone()).isTrue();
    }
}
