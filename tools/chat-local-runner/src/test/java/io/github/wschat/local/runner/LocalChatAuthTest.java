package io.github.wschat.local.runner;

import io.github.wschat.testkit.dynamodb.DynamoDbLocalClients;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import io.github.wschat.testkit.jwt.LoopbackIssuer;
import io.github.wschat.testkit.websocket.WebSocketTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Identity through the one command's JVM ({@code LocalChat.main} as {@code run-local-chat.sh} starts it) with
 * {@code AUTH_ISSUER}, {@code AUTH_AUDIENCE} and {@code AUTH_JWKS_URL} naming this test's own issuer on
 * loopback (real RSA and EC keys, its JWKS served over HTTP): the template's authorizer, hosted unchanged,
 * decides every handshake, and the example's handlers serve what it lets in. Each refused token names a user
 * of its own, so "no item written" is a query for that user's items.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalChatAuthTest {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String AUDIENCE = "wschat-test";
    private static final String TABLE = "wschat-auth-test";

    private static LoopbackIssuer issuer;
    private static DynamoDbLocalServer dynamoDb;
    private static DynamoDbClient items;
    private static ProcessOutput chat;
    private static URI webSocketUri;

    @BeforeAll
    static void startTheChatWithThisTestsIssuer() throws Exception {
        issuer = LoopbackIssuer.builder().audience(AUDIENCE).start();
        // the first test meets a JWKS that cannot be fetched: nothing is cached before it
        issuer.jwksAvailable(false);
        dynamoDb = DynamoDbLocalServer.start();
        items = DynamoDbLocalClients.builder(dynamoDb.endpoint()).region(Region.US_EAST_1).build();
        chat = LocalChatMainTest.startChat(Map.of(
                "CHAT_PORT", "0",
                "TABLE_NAME", TABLE,
                "MEMBERSHIPS_TABLE_NAME", TABLE + "-memberships",
                "MESSAGES_TABLE_NAME", TABLE + "-messages",
                "AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString(),
                "AUTH_ISSUER", issuer.issuer().toString(),
                "AUTH_AUDIENCE", AUDIENCE,
                "AUTH_JWKS_URL", issuer.jwksUrl().toString()));
        chat.awaitLine(java.util.regex.Pattern.compile("auth: +tokens of " + issuer.issuer()), STARTUP);
        webSocketUri = URI.create(chat.awaitLine(LocalChatMainTest.READY, STARTUP).group(1));
    }

    @AfterAll
    static void stop() throws Exception {
        if (chat != null) {
            chat.close();
        }
        if (items != null) {
            items.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    @Order(1)
    void a_jwks_that_cannot_be_fetched_refuses_the_handshake_without_harm_and_the_chat_recovers_when_it_is_back()
            throws Exception {
        String token = issuer.token().subject("early-bird").name("Early Bird").sign();

        assertThat(handshakeStatus(token)).as("refused while the JWKS answers 503").isEqualTo(403);
        assertThat(issuer.jwksFetches()).as("the authorizer tried to fetch it").isPositive();
        assertThat(itemsOf("early-bird")).isEmpty();

        issuer.jwksAvailable(true);

        try (WebSocketTestClient client = connect(token)) {
            assertThat(itemOf("early-bird")).containsEntry("userName", AttributeValue.fromS("Early Bird"));
        }
    }

    @Test
    @Order(2)
    void the_jwks_is_fetched_once_for_many_connections() throws Exception {
        int fetches = issuer.jwksFetches();
        List<WebSocketTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                LoopbackIssuer.Key key = i % 2 == 0 ? LoopbackIssuer.Key.RSA : LoopbackIssuer.Key.EC;
                clients.add(connect(issuer.token().subject("many-" + i).signedWith(key).sign()));
            }
            assertThat(IntStream.range(0, 20).mapToObj(i -> itemOf("many-" + i))).hasSize(20);
        } finally {
            clients.forEach(WebSocketTestClient::close);
        }
        assertThat(issuer.jwksFetches()).as("JWKS fetches for 20 connections, RS256 and ES256").isEqualTo(fetches);
    }

    @Test
    @Order(3)
    void a_valid_token_connects_its_identity_is_stored_and_the_handlers_serve_it() throws Exception {
        String alice = issuer.token().subject("alice-1").name("Alice").rooms(List.of("private-team-*", "lobby"))
                .signedWith(LoopbackIssuer.Key.RSA).sign();
        // within the 60 s of clock skew the authorizer allows
        String bob = issuer.token().subject("bob-1").claim("preferred_username", "bob")
                .expiresAt(Instant.now().minusSeconds(20)).signedWith(LoopbackIssuer.Key.EC).sign();
        try (WebSocketTestClient aliceClient = connect(alice); WebSocketTestClient bobClient = connect(bob)) {
            Map<String, AttributeValue> aliceItem = itemOf("alice-1");
            assertThat(aliceItem).containsEntry("userName", AttributeValue.fromS("Alice"))
                    .containsEntry("rooms", AttributeValue.fromL(List.of(
                            AttributeValue.fromS("private-team-*"), AttributeValue.fromS("lobby"))));
            assertThat(itemOf("bob-1")).containsEntry("userName", AttributeValue.fromS("bob"));

            aliceClient.send("what can I do here?");
            assertThat(aliceClient.next()).startsWith("Use the sendmessage route to send a message. Your info:");

            aliceClient.send("{\"action\":\"sendmessage\",\"message\":\"hello, bob\"}");
            assertThat(bobClient.next()).isEqualTo("hello, bob");
        }
    }

    static Stream<Arguments> refusedTokens() {
        Instant now = Instant.now();
        return Stream.of(
                refused("no token", 401, user -> null),
                refused("an empty token", 401, user -> ""),
                refused("not a JWT", 403, user -> "not-a-jwt"),
                refused("expired beyond the 60 s skew", 403,
                        user -> issuer.token().subject(user).expiresAt(now.minusSeconds(120)).sign()),
                refused("not yet valid beyond the skew", 403,
                        user -> issuer.token().subject(user).notBefore(now.plusSeconds(120)).sign()),
                refused("a wrong issuer", 403,
                        user -> issuer.token().subject(user).issuer("https://issuer.example.org").sign()),
                refused("a wrong audience", 403, user -> issuer.token().subject(user).audience("other-app").sign()),
                refused("signed by an unknown key", 403,
                        user -> issuer.token().subject(user).signedWith(LoopbackIssuer.Key.UNKNOWN_RSA).sign()),
                refused("a tampered payload", 403, user -> issuer.token().subject(user).tampered()),
                refused("alg none", 403, user -> issuer.token().subject(user).unsigned()),
                refused("HS256 with the public key as secret", 403, user -> issuer.token().subject(user).hs256WithPublicKeyAsSecret()),
                // a context above API Gateway's 8 KB cannot come from a token in the URL, which API Gateway
                // holds to 4,096 characters: the handshake is refused before the authorizer (JwtAuthorizerTest
                // shows the authorizer's own refusal of such a context, ConnectAuthorizerTest the gateway's)
                refused("a token for a context above 8 KB, longer than the 4,096-character URL", 400,
                        user -> issuer.token().subject(user)
                                .rooms(IntStream.range(0, 200).mapToObj(i -> "room-" + "x".repeat(50) + "-" + i).toList())
                                .sign()));
    }

    private static Arguments refused(String what, int status, Function<String, String> tokenFor) {
        return Arguments.of(what, status, tokenFor);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refusedTokens")
    @Order(4)
    void refused_at_the_handshake_with_no_item_written(String what, int status, Function<String, String> tokenFor)
            throws Exception {
        String user = "refused-" + what.replaceAll("[^a-z0-9]+", "-");

        assertThat(handshakeStatus(tokenFor.apply(user))).as(what).isEqualTo(status);

        assertThat(itemsOf(user)).as("items of " + user).isEmpty();
        assertThat(itemsOf("admin")).as("items of the tampered token's user").isEmpty();
        // and the chat still serves: a valid token of the same user connects
        try (WebSocketTestClient client = connect(issuer.token().subject(user + "-ok").sign())) {
            assertThat(itemOf(user + "-ok")).isNotEmpty();
        }
    }

    @Test
    @Order(5)
    void a_private_room_admits_an_exact_and_a_prefix_grant_and_refuses_a_user_without_one() throws Exception {
        String team = "private-team-" + System.nanoTime();
        String ops = "private-ops-" + System.nanoTime();
        try (WebSocketTestClient alice = connect(issuer.token().subject("alice-p").name("Alice")
                     .rooms(List.of("private-team-*")).sign());
             WebSocketTestClient carol = connect(issuer.token().subject("carol-p").name("Carol")
                     .rooms(List.of(ops)).sign());
             WebSocketTestClient bob = connect(issuer.token().subject("bob-p").name("Bob").sign())) {
            alice.send(command("join", team, "j1"));
            assertThat(alice.next()).as("a prefix grant").isEqualTo(
                    "{\"type\":\"joined\",\"room\":\"" + team + "\",\"lastSeq\":0,\"ref\":\"j1\"}");
            carol.send(command("join", ops, "j2"));
            assertThat(carol.next()).as("an exact grant").isEqualTo(
                    "{\"type\":\"joined\",\"room\":\"" + ops + "\",\"lastSeq\":0,\"ref\":\"j2\"}");

            carol.send(command("join", team, "j3"));
            assertThat(carol.next()).as("a grant of another private room")
                    .startsWith("{\"type\":\"error\",\"code\":\"forbidden\",").endsWith(",\"ref\":\"j3\"}");
            bob.send(command("join", team, "j4"));
            assertThat(bob.next()).as("no grant")
                    .startsWith("{\"type\":\"error\",\"code\":\"forbidden\",").endsWith(",\"ref\":\"j4\"}");
            for (String action : List.of("publish", "history", "members")) {
                bob.send(command(action, team, action));
                assertThat(bob.next()).as("%s by a user refused entry", action)
                        .startsWith("{\"type\":\"error\",\"code\":\"not_member\",")
                        .endsWith(",\"ref\":\"" + action + "\"}");
            }

            alice.send(command("members", team, "m1"));
            assertThat(alice.next()).as("the members of the team's room: only alice got in").isEqualTo(
                    "{\"type\":\"members\",\"room\":\"" + team + "\",\"members\":[{\"userId\":\"alice-p\","
                            + "\"name\":\"Alice\",\"connections\":1}],\"ref\":\"m1\"}");
            alice.send(command("history", team, "h1"));
            assertThat(alice.next()).as("the refused publish stored nothing").isEqualTo(
                    "{\"type\":\"history\",\"room\":\"" + team + "\",\"messages\":[],\"lastSeq\":0,\"more\":false,"
                            + "\"truncated\":false,\"ref\":\"h1\"}");
        }
    }

    private static String command(String action, String room, String ref) {
        return "{\"action\":\"" + action + "\",\"room\":\"" + room + "\",\"id\":\"m-1\",\"text\":\"hi\",\"ref\":\"" + ref + "\"}";
    }

    private static WebSocketTestClient connect(String token) throws Exception {
        return WebSocketTestClient.builder(withToken(token)).timeout(TIMEOUT).connect();
    }

    /** The status of a handshake that must fail. */
    private static int handshakeStatus(String token) {
        Throwable refused = catchThrowable(() -> connect(token).close());
        assertThat(refused).as("the handshake's failure").isInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) refused).getResponse().statusCode();
    }

    private static URI withToken(String token) {
        return token == null ? webSocketUri
                : URI.create(webSocketUri + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private static List<Map<String, AttributeValue>> itemsOf(String userId) {
        return items.scan(scan -> scan.tableName(TABLE).consistentRead(true)
                .filterExpression("userId = :user")
                .expressionAttributeValues(Map.of(":user", AttributeValue.fromS(userId)))).items();
    }

    /**
     * The item of a user's connection: the handshake returns once {@code $connect} answered 200, which it
     * does after its PutItem, so the item is there when {@link #connect} returns.
     */
    private static Map<String, AttributeValue> itemOf(String userId) {
        List<Map<String, AttributeValue>> found = itemsOf(userId);
        assertThat(found).as("the item of " + userId).hasSize(1);
        return found.get(0);
    }
}
