package io.github.wschat.local.runner;

import io.github.wschat.testkit.dynamodb.DynamoDbLocalClients;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done when": {@code CHAT_AUTH=dev} on the one command gives a chat where a {@code wscat}
 * client with a minted token connects and one without is refused. The chat's {@code main} runs in a JVM of
 * its own, as {@code run-local-chat.sh} starts it; the token comes from the URL its banner prints; the
 * clients are the real {@code wscat} from npm.
 */
class DevIssuerWscatTest {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration LINE = Duration.ofSeconds(30);
    static final Pattern TOKEN_URL = Pattern.compile("get a token: curl \"(http://127\\.0\\.0\\.1:\\d+/dev/token)\\?");
    private static final Pattern DEFAULT_ANSWER = Pattern.compile("^Use the sendmessage route to send a message");
    private static final String TABLE = "wschat-dev-auth";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void with_chat_auth_dev_a_wscat_client_with_a_minted_token_chats_and_one_without_is_refused() throws Exception {
        try (DynamoDbLocalServer dynamoDb = DynamoDbLocalServer.start();
             DynamoDbClient items = DynamoDbLocalClients.builder(dynamoDb.endpoint()).region(Region.US_EAST_1).build();
             ProcessOutput chat = LocalChatMainTest.startChat(Map.of(
                     "CHAT_PORT", "0",
                     "TABLE_NAME", TABLE,
                     "AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString(),
                     "CHAT_AUTH", "dev"))) {
            URI tokenEndpoint = URI.create(chat.awaitLine(TOKEN_URL, STARTUP).group(1));
            String url = chat.awaitLine(LocalChatMainTest.READY, STARTUP).group(1);

            String alice = mint(tokenEndpoint, "user=alice&name=Alice");
            String bob = mint(tokenEndpoint, "user=bob&name=Bob&rooms=private-team-*");
            assertThat(mintStatus(tokenEndpoint, "name=Nobody")).as("a token without a user").isEqualTo(400);

            // wscat prints nothing on connecting without a terminal: alice says something once connected
            // (--execute) and stays (--wait); the $default answer shows she is in
            try (ProcessOutput aliceTerminal = WscatSessionTest.wscat("-c", url + "?token=" + alice,
                    "-x", "who am I?", "-w", "60");
                 ProcessOutput anonymous = WscatSessionTest.wscat("-c", url)) {
                aliceTerminal.awaitLine(DEFAULT_ANSWER, LINE);
                assertThat(anonymous.awaitLine(Pattern.compile("error: .*"), LINE).group())
                        .isEqualTo("error: Unexpected server response: 401");

                try (ProcessOutput bobTerminal = WscatSessionTest.wscat("-c", url + "?token=" + bob,
                        "-x", "{\"action\":\"sendmessage\",\"message\":\"hello, alice\"}", "-w", "60")) {
                    assertThat(aliceTerminal.awaitLine(Pattern.compile("hello, alice"), LINE).group()).isNotEmpty();
                    assertThat(items.scan(scan -> scan.tableName(TABLE).consistentRead(true)).items())
                            .extracting(item -> item.get("userId"))
                            .containsExactlyInAnyOrder(AttributeValue.fromS("alice"), AttributeValue.fromS("bob"));
                }
            }
        }
    }

    /** A token of the development issuer, for the user and name of {@code query} ({@code user=bob&name=Bob}). */
    static String mint(URI tokenEndpoint, String query) throws Exception {
        HttpResponse<String> response = get(tokenEndpoint, query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body().strip()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        return response.body().strip();
    }

    private static int mintStatus(URI tokenEndpoint, String query) throws Exception {
        return get(tokenEndpoint, query).statusCode();
    }

    private static HttpResponse<String> get(URI tokenEndpoint, String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(tokenEndpoint + "?" + query)).timeout(LINE).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
