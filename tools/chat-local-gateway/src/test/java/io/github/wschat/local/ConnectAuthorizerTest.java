package io.github.wschat.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.local.log.AccessLogEntry;
import io.github.wschat.testkit.websocket.WebSocketTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import static io.github.wschat.local.ConnectHandshakeTest.handshakeStatus;
import static io.github.wschat.local.RecordingAuthorizer.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A Lambda REQUEST authorizer on {@code $connect}, as API Gateway runs it for WebSocket APIs: identity
 * sources first (401), then the authorizer's policy (403) or its failure (500), and once allowed its answer
 * in {@code requestContext.authorizer} of every event of the connection.
 */
class ConnectAuthorizerTest {

    private static final List<String> TOKEN = List.of("route.request.querystring.token");
    private static final String METHOD_ARN = "arn:aws:execute-api:local:000000000000:chatapi/production/$connect";

    private final RecordingHandler connect = RecordingHandler.ok();
    private final RecordingHandler disconnect = RecordingHandler.ok();
    private final RecordingHandler defaultRoute = RecordingHandler.ok();
    private final RecordingHandler sendMessage = RecordingHandler.ok();
    private final ConcurrentLinkedQueue<AccessLogEntry> accessLog = new ConcurrentLinkedQueue<>();
    private final CountDownLatch releaseBlocked = new CountDownLatch(1);
    private LocalWebSocketApi api;

    @AfterEach
    void stop() {
        releaseBlocked.countDown();
        if (api != null) {
            api.close();
        }
    }

    private LocalWebSocketApi start(RecordingAuthorizer authorizer, List<String> identitySources) {
        return start(authorizer, identitySources, Duration.ofSeconds(29));
    }

    private LocalWebSocketApi start(RecordingAuthorizer authorizer, List<String> identitySources, Duration timeout) {
        api = LocalWebSocketApi.builder()
                .stage("production")
                .apiId("chatapi")
                .integrationTimeout(timeout)
                .connectAuthorizer("AuthorizerFunction", authorizer, identitySources)
                .route("$connect", connect)
                .route("$disconnect", disconnect)
                .route("$default", defaultRoute)
                .route("sendmessage", sendMessage)
                .accessLogListener(accessLog::add)
                .start();
        return api;
    }

    private URI withToken(String token) {
        return URI.create(api.webSocketUri() + "?token=" + token);
    }

    /** The only access log entry, a refused CONNECT; no $connect ran, no connection exists. */
    private AccessLogEntry refusedEntry(int status) {
        assertThat(connect.callCount()).as("$connect invocations").isZero();
        assertThat(api.connectionIds()).isEmpty();
        assertThat(accessLog).singleElement().satisfies(entry -> {
            assertThat(entry.eventType()).isEqualTo("CONNECT");
            assertThat(entry.routeKey()).isEqualTo("$connect");
            assertThat(entry.status()).isEqualTo(status);
            assertThat(entry.integrationLatencyMillis()).isNull();
            assertThat(entry.authorizerError()).isNotBlank();
        });
        return accessLog.peek();
    }

    // ---- identity sources: 401 without the authorizer -----------------------------------------------

    @Test
    void given_no_token_when_a_client_connects_then_401_without_invoking_the_authorizer_or_connect() throws Exception {
        RecordingAuthorizer authorizer = RecordingAuthorizer.allowing("user-1", Map.of());
        start(authorizer, TOKEN);

        assertThat(handshakeStatus(api.webSocketUri())).isEqualTo(401);

        assertThat(authorizer.callCount()).as("authorizer invocations").isZero();
        AccessLogEntry entry = refusedEntry(401);
        assertThat(entry.authorizerLatencyMillis()).isNull();
        assertThat(entry.line()).contains(" status=401 integrationLatency=- ")
                .endsWith(" error=\"Unauthorized\" authorizerError=\"identity source route.request.querystring.token missing or empty\"");
    }

    @Test
    void given_an_empty_token_when_a_client_connects_then_401_without_invoking_the_authorizer() throws Exception {
        RecordingAuthorizer authorizer = RecordingAuthorizer.allowing("user-1", Map.of());
        start(authorizer, TOKEN);

        assertThat(handshakeStatus(URI.create(api.webSocketUri() + "?token="))).isEqualTo(401);
        assertThat(handshakeStatus(URI.create(api.webSocketUri() + "?other=x"))).isEqualTo(401);

        assertThat(authorizer.callCount()).isZero();
        assertThat(connect.callCount()).isZero();
    }

    @Test
    void given_a_header_identity_source_when_the_header_comes_in_another_case_then_it_counts() throws Exception {
        RecordingAuthorizer authorizer = RecordingAuthorizer.allowing("user-1", Map.of());
        start(authorizer, List.of("route.request.header.Authorization"));

        assertThat(handshakeStatus(withToken("in-the-query-only"))).isEqualTo(401);
        assertThat(authorizer.callCount()).isZero();

        try (WebSocketTestClient client = WebSocketTestClient.builder(api.webSocketUri())
                .header("authorization", "Bearer header-token").connect()) {
            APIGatewayCustomAuthorizerEvent event = authorizer.nextCall().event();
            assertThat(event.getHeaders()).containsEntry("authorization", "Bearer header-token");
            assertThat(connect.next().getRequestContext().getAuthorizer()).containsEntry("principalId", "user-1");
            assertThat(client.isClosed()).isFalse();
        }
    }

    // ---- the policy: 403 ----------------------------------------------------------------------------

    @Test
    void given_the_authorizer_denies_when_a_client_connects_then_403_even_beside_an_allow() throws Exception {
        RecordingAuthorizer authorizer = RecordingAuthorizer.answering(
                statement("Allow", "execute-api:Invoke", "*"),
                statement("Deny", "execute-api:Invoke", METHOD_ARN));
        start(authorizer, TOKEN);

        assertThat(handshakeStatus(withToken("t"))).isEqualTo(403);

        assertThat(authorizer.callCount()).isOne();
        AccessLogEntry entry = refusedEntry(403);
        assertThat(entry.authorizerLatencyMillis()).isNotNegative();
        assertThat(entry.error()).isEqualTo("Forbidden");
        assertThat(entry.authorizerError()).contains("explicit Deny");
    }

    @Test
    void given_an_allow_on_another_resource_when_a_client_connects_then_403() throws Exception {
        start(RecordingAuthorizer.answering(statement("Allow", "execute-api:Invoke",
                "arn:aws:execute-api:local:000000000000:otherapi/production/$connect")), TOKEN);

        assertThat(handshakeStatus(withToken("t"))).isEqualTo(403);

        assertThat(refusedEntry(403).authorizerError()).contains("no Allow").contains(METHOD_ARN);
    }

    @Test
    void given_an_allow_of_another_action_when_a_client_connects_then_403() throws Exception {
        start(RecordingAuthorizer.answering(statement("Allow", "execute-api:ManageConnections", "*")), TOKEN);

        assertThat(handshakeStatus(withToken("t"))).isEqualTo(403);
        refusedEntry(403);
    }

    @Test
    void given_a_wildcard_allow_when_a_client_connects_then_it_is_connected() throws Exception {
        start(RecordingAuthorizer.answering(statement("Allow", "execute-api:*", "arn:aws:execute-api:*:*:*/*/*")), TOKEN);

        try (WebSocketTestClient client = WebSocketTestClient.connect(withToken("t"))) {
            assertThat(connect.next().getRequestContext().getAuthorizer()).containsEntry("principalId", "user-1");
            client.send("routed once the connection is open");
            assertThat(defaultRoute.next().getRequestContext().getAuthorizer()).containsEntry("principalId", "user-1");
            assertThat(api.connectionIds()).hasSize(1);
        }
    }

    // ---- failures and malformed answers: 500 --------------------------------------------------------

    @Test
    void given_the_authorizer_throws_when_a_client_connects_then_500() throws Exception {
        start(RecordingAuthorizer.throwing(), TOKEN);

        assertThat(handshakeStatus(withToken("t"))).isEqualTo(500);

        AccessLogEntry entry = refusedEntry(500);
        assertThat(entry.error()).isEqualTo("Internal server error");
        assertThat(entry.authorizerError()).contains("failed").contains("IllegalStateException");
    }

    @Test
    void given_the_authorizer_runs_past_the_timeout_when_a_client_connects_then_500() throws Exception {
        start(RecordingAuthorizer.blockingUntil(releaseBlocked), TOKEN, Duration.ofMillis(300));

        assertThat(handshakeStatus(withToken("t"))).isEqualTo(500);

        assertThat(refusedEntry(500).authorizerError()).isEqualTo("authorizer timed out");
    }

    @Test
    void given_the_authorizer_answers_null_when_a_client_connects_then_500() throws Exception {
        start(RecordingAuthorizer.answering((IamPolicyResponseV1) null), TOKEN);

        assertThat(handshakeStatus(withToken("t"))).isEqualTo(500);
        assertThat(refusedEntry(500).authorizerError()).contains("null");
    }

    @Test
    void given_an_answer_without_principal_id_when_a_client_connects_then_500() throws Exception {
        start(RecordingAuthorizer.answering(RecordingAuthorizer.answer(null, Map.of(),
                IamPolicyResponseV1.allowStatement(METHOD_ARN))), TOKEN);

        assertThat(handshakeStatus(withToken("t"))).isEqualTo(500);
        assertThat(refusedEntry(500).authorizerError()).contains("principalId");
    }

    @Test
    void given_an_answer_without_policy_when_a_client_connects_then_500() throws Exception {
        start(RecordingAuthorizer.answering(IamPolicyResponseV1.builder().withPrincipalId("user-1").build()), TOKEN);

        assertThat(handshakeStatus(withToken("t"))).isEqualTo(500);
        assertThat(refusedEntry(500).authorizerError()).contains("policyDocument");
    }

    @Test
    void given_a_context_value_that_is_not_a_string_number_or_boolean_when_a_client_connects_then_500()
            throws Exception {
        start(RecordingAuthorizer.allowing("user-1", Map.of("rooms", List.of("lobby"))), TOKEN);

        assertThat(handshakeStatus(withToken("t"))).isEqualTo(500);
        assertThat(refusedEntry(500).authorizerError()).contains("context value of rooms").doesNotContain("lobby");
    }

    @Test
    void given_a_result_above_8_kb_then_500_and_one_of_exactly_8_kb_is_allowed() throws Exception {
        IamPolicyResponseV1 atLimit = answerOfSize(8 * 1024);
        IamPolicyResponseV1 aboveLimit = answerOfSize(8 * 1024 + 1);
        RecordingAuthorizer authorizer = RecordingAuthorizer.answering(aboveLimit);
        start(authorizer, TOKEN);

        assertThat(handshakeStatus(withToken("t"))).isEqualTo(500);
        assertThat(refusedEntry(500).authorizerError()).contains("8193 bytes");
        api.close();

        accessLog.clear();
        start(RecordingAuthorizer.answering(atLimit), TOKEN);
        try (WebSocketTestClient client = WebSocketTestClient.connect(withToken("t"))) {
            assertThat(connect.next().getRequestContext().getAuthorizer().get("padding")).asString().hasSizeGreaterThan(7 * 1024);
            assertThat(client.isClosed()).isFalse();
        }
    }

    // ---- allowed: the authorizer's answer in every event --------------------------------------------

    @Test
    void given_an_allowed_connection_then_connect_messages_and_disconnect_carry_the_principal_and_the_context()
            throws Exception {
        Map<String, Object> context = Map.of("userId", "user-1", "name", "Alice", "admin", true, "level", 3);
        RecordingAuthorizer authorizer = RecordingAuthorizer.allowing("user-1", context);
        start(authorizer, TOKEN);

        WebSocketTestClient client = WebSocketTestClient.connect(withToken("secret-token"));
        APIGatewayV2WebSocketEvent connected = connect.next();
        client.send("{\"action\":\"sendmessage\",\"message\":\"hi\"}");
        APIGatewayV2WebSocketEvent sent = sendMessage.next();
        client.send("not a route");
        APIGatewayV2WebSocketEvent fallback = defaultRoute.next();
        client.close();
        APIGatewayV2WebSocketEvent disconnected = disconnect.next();

        for (APIGatewayV2WebSocketEvent event : List.of(connected, sent, fallback, disconnected)) {
            Map<String, Object> seen = event.getRequestContext().getAuthorizer();
            assertThat(seen).as(event.getRequestContext().getRouteKey())
                    .containsEntry("principalId", "user-1")
                    .containsAllEntriesOf(context)
                    .containsOnlyKeys("principalId", "integrationLatency", "userId", "name", "admin", "level");
            assertThat(seen.get("integrationLatency")).isInstanceOf(Integer.class);
            assertThat((Integer) seen.get("integrationLatency")).isNotNegative();
        }
        assertThat(accessLog).filteredOn(entry -> entry.eventType().equals("CONNECT")).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.status()).isEqualTo(200);
                    assertThat(entry.authorizerLatencyMillis()).isNotNegative();
                    assertThat(entry.authorizerError()).isNull();
                    assertThat(entry.line()).contains(" authorizerLatency=").doesNotContain("secret-token");
                });
    }

    @Test
    void given_no_connect_route_when_the_authorizer_allows_then_the_connection_opens_and_its_events_carry_the_answer()
            throws Exception {
        api = LocalWebSocketApi.builder()
                .connectAuthorizer(RecordingAuthorizer.allowing("user-2", Map.of("name", "Bob")), TOKEN)
                .route("$default", defaultRoute)
                .route("$disconnect", disconnect)
                .start();

        WebSocketTestClient client = WebSocketTestClient.connect(withToken("t"));
        client.send("hello");
        assertThat(defaultRoute.next().getRequestContext().getAuthorizer())
                .containsEntry("principalId", "user-2").containsEntry("name", "Bob");
        client.close();
        assertThat(disconnect.next().getRequestContext().getAuthorizer()).containsEntry("principalId", "user-2");
    }

    @Test
    void given_the_authorizer_allows_when_connect_refuses_then_the_handshake_gets_its_status_and_no_disconnect_runs()
            throws Exception {
        RecordingHandler refusing = RecordingHandler.answering(409, null);
        api = LocalWebSocketApi.builder()
                .connectAuthorizer(RecordingAuthorizer.allowing("user-1", Map.of()), TOKEN)
                .route("$connect", refusing)
                .route("$disconnect", disconnect)
                .accessLogListener(accessLog::add)
                .start();

        assertThat(handshakeStatus(withToken("t"))).isEqualTo(409);

        assertThat(refusing.next().getRequestContext().getAuthorizer()).containsEntry("principalId", "user-1");
        assertThat(accessLog).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(409);
            assertThat(entry.authorizerLatencyMillis()).isNotNull();
            assertThat(entry.authorizerError()).isNull();
        });
        assertThat(disconnect.callCount()).isZero();
    }

    @Test
    void given_a_client_with_a_token_then_the_authorizer_sees_the_request_as_api_gateway_sends_it() throws Exception {
        RecordingAuthorizer authorizer = RecordingAuthorizer.allowing("user-1", Map.of());
        start(authorizer, TOKEN);

        try (WebSocketTestClient client = WebSocketTestClient.builder(URI.create(api.webSocketUri() + "?token=abc&room=a"))
                .header("User-Agent", "wscat/6.1.0").connect()) {
            RecordingAuthorizer.Call call = authorizer.nextCall();
            APIGatewayCustomAuthorizerEvent event = call.event();
            APIGatewayV2WebSocketEvent connected = connect.next();

            assertThat(call.functionName()).isEqualTo("AuthorizerFunction");
            assertThat(event.getType()).isEqualTo("REQUEST");
            assertThat(event.getMethodArn()).isEqualTo(METHOD_ARN);
            assertThat(event.getQueryStringParameters()).containsExactlyInAnyOrderEntriesOf(Map.of("token", "abc", "room", "a"));
            assertThat(event.getStageVariables()).isEmpty();
            assertThat(event.getHeaders()).containsEntry("User-Agent", "wscat/6.1.0")
                    .containsEntry("X-Forwarded-For", "127.0.0.1")
                    .containsEntry("X-Amzn-Trace-Id", connected.getHeaders().get("X-Amzn-Trace-Id"))
                    .containsKeys("Upgrade", "Connection", "Sec-WebSocket-Key");
            assertThat(event.getRequestContext().getStage()).isEqualTo("production");
            assertThat(event.getRequestContext().getApiId()).isEqualTo("chatapi");
            assertThat(event.getRequestContext().getRequestId()).isEqualTo(connected.getRequestContext().getRequestId());
            assertThat(event.getRequestContext().getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void given_a_client_then_the_authorizer_event_has_every_key_of_the_real_one_that_the_java_class_holds()
            throws Exception {
        RecordingAuthorizer authorizer = RecordingAuthorizer.allowing("user-1", Map.of());
        start(authorizer, TOKEN);

        try (WebSocketTestClient client = WebSocketTestClient.connect(withToken("example-token"))) {
            String[] nested = {"requestContext", "requestContext.identity"};
            assertThat(EventJson.keyPaths(EventJson.of(authorizer.nextCall().event()), nested))
                    .isEqualTo(EventJson.keyPaths(EventJson.sampleAsAuthorizerEvent("authorizer-connect.json"), nested));
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void given_identity_sources_of_another_form_then_the_builder_refuses_them() {
        RecordingAuthorizer authorizer = RecordingAuthorizer.allowing("user-1", Map.of());
        LocalWebSocketApi.Builder builder = LocalWebSocketApi.builder();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.connectAuthorizer(authorizer, List.of("stageVariables.token")))
                .withMessageContaining("stageVariables.token");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.connectAuthorizer(authorizer, List.of("route.request.header.")));
    }

    /** An Allow answer whose JSON, null fields left out, is exactly {@code bytes} long. */
    private static IamPolicyResponseV1 answerOfSize(int bytes) throws Exception {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("padding", "");
        IamPolicyResponseV1 empty = RecordingAuthorizer.answer("user-1", context,
                IamPolicyResponseV1.allowStatement(METHOD_ARN));
        context.put("padding", "x".repeat(bytes - jsonBytes(empty)));
        IamPolicyResponseV1 sized = RecordingAuthorizer.answer("user-1", context,
                IamPolicyResponseV1.allowStatement(METHOD_ARN));
        assertThat(jsonBytes(sized)).isEqualTo(bytes);
        return sized;
    }

    /** The answer as the Lambda runtime writes it, null fields left out: principalId, policyDocument, context. */
    private static int jsonBytes(IamPolicyResponseV1 answer) throws Exception {
        IamPolicyResponseV1.Statement allow = IamPolicyResponseV1.allowStatement(METHOD_ARN);
        Map<String, Object> statement = Map.of("Effect", allow.getEffect(), "Action", allow.getAction(),
                "Resource", allow.getResource());
        Map<String, Object> json = Map.of("principalId", answer.getPrincipalId(),
                "policyDocument", Map.of("Version", IamPolicyResponseV1.VERSION_2012_10_17, "Statement", List.of(statement)),
                "context", answer.getContext());
        return JSON.std.asString(json).getBytes(StandardCharsets.UTF_8).length;
    }
}
