package io.github.wschat.example;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.aws.auth.AuthSettings;
import io.github.wschat.aws.auth.AuthorizerEvents;
import io.github.wschat.aws.auth.JwtAuthorizer;
import io.github.wschat.testkit.jwt.LoopbackIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorizer handler as Lambda runs it: a WebSocket REQUEST authorizer event read by the Lambda runtime's
 * serializer, the answer written by it, in the JSON shape API Gateway reads; tokens of the kit's loopback issuer.
 */
class AuthorizerHandlerTest {

    private static final PojoSerializer<IamPolicyResponseV1> ANSWER = LambdaEventSerializers
            .serializerFor(IamPolicyResponseV1.class, AuthorizerHandlerTest.class.getClassLoader());

    private LoopbackIssuer issuer;
    private AuthorizerHandler handler;

    @BeforeEach
    void start() {
        issuer = LoopbackIssuer.start();
        handler = new AuthorizerHandler(AuthorizerApplication.create(() -> AuthSettings.builder()
                .issuer(issuer.issuer().toString()).audience(issuer.audience()).build()));
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void the_runtimes_event_is_read_with_its_method_arn_route_and_token() {
        APIGatewayCustomAuthorizerEvent event = AuthorizerEvents.connect("a.b.c");

        assertThat(event.getType()).isEqualTo("REQUEST");
        assertThat(event.getMethodArn()).isEqualTo("arn:aws:execute-api:us-east-1:123456789012:abcdef1234/production/$connect");
        assertThat(event.getQueryStringParameters()).containsEntry("token", "a.b.c");
        assertThat(event.getHeaders()).containsEntry("User-Agent", "wscat/6.1.0");
        assertThat(event.getRequestContext().getStage()).isEqualTo("production");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_valid_token_is_answered_allow_in_the_json_api_gateway_expects() throws Exception {
        String token = issuer.token().subject("alice").name("Alice").rooms(List.of("private-team-*", "lobby")).sign();

        Map<String, Object> json = serialized(handler.handleRequest(AuthorizerEvents.connect(token), null));

        assertThat(json).containsEntry("principalId", "alice")
                .containsEntry("context", Map.of("userId", "alice", "name", "Alice", "rooms", "private-team-*,lobby"));
        assertThat(map(json.get("policyDocument"))).containsEntry("Version", "2012-10-17");
        assertThat((List<Object>) map(json.get("policyDocument")).get("Statement")).containsExactly(Map.of(
                "Action", "execute-api:Invoke", "Effect", "Allow", "Resource", List.of(AuthorizerEvents.METHOD_ARN)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_forged_token_is_answered_deny_without_context() throws Exception {
        Map<String, Object> json = serialized(handler.handleRequest(AuthorizerEvents.connect(issuer.tampered()), null));

        assertThat(json).containsEntry("principalId", JwtAuthorizer.ANONYMOUS_PRINCIPAL);
        assertThat(json.get("context")).isNull();
        assertThat((List<Object>) map(json.get("policyDocument")).get("Statement")).containsExactly(Map.of(
                "Action", "execute-api:Invoke", "Effect", "Deny", "Resource", List.of(AuthorizerEvents.METHOD_ARN)));
    }

    @Test
    void a_container_without_its_settings_denies_every_connection_and_throws_nothing() throws Exception {
        AuthorizerHandler misconfigured = new AuthorizerHandler(AuthorizerApplication.create(() ->
                AuthSettings.builder().issuer(issuer.issuer().toString()).build()));

        Map<String, Object> json = serialized(misconfigured.handleRequest(AuthorizerEvents.connect(issuer.token().sign()), null));

        assertThat(json).containsEntry("principalId", JwtAuthorizer.ANONYMOUS_PRINCIPAL);
        assertThat(misconfigured.handleRequest(null, null).getPrincipalId()).isEqualTo(JwtAuthorizer.ANONYMOUS_PRINCIPAL);
    }

    @Test
    void the_snapstart_priming_runs_the_refusals_without_fetching_the_key_set() {
        JwtAuthorizer authorizer = JwtAuthorizer.create(AuthSettings.builder()
                .issuer(issuer.issuer().toString()).audience(issuer.audience()).build());

        assertThat(AuthorizerApplication.prime(authorizer)).isEqualTo(AuthorizerApplication.Priming.TOKENS.size());
        assertThat(issuer.jwksFetches()).isZero();
        assertThat(new AuthorizerHandler(Optional.of(authorizer))
                .handleRequest(AuthorizerEvents.connect(issuer.token().sign()), null).getPrincipalId())
                .isEqualTo(LoopbackIssuer.DEFAULT_SUBJECT);
        assertThat(issuer.jwksFetches()).isEqualTo(1);
    }

    @Test
    void the_size_the_authorizer_measures_against_8_kb_is_what_the_runtime_writes() throws Exception {
        String token = issuer.token().subject("zoë").name("Zoë “quoted” \\ name").rooms(List.of("private-team-*", "lobby")).sign();
        IamPolicyResponseV1 allow = handler.handleRequest(AuthorizerEvents.connect(token), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ANSWER.toJson(allow, out);

        assertThat(JwtAuthorizer.serializedSize(allow)).isEqualTo(out.size());
    }

    private static Map<String, Object> serialized(IamPolicyResponseV1 answer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ANSWER.toJson(answer, out);
        return JSON.std.mapFrom(out.toString(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
