package io.github.wschat.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import io.github.wschat.testkit.websocket.WebSocketTestClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Collectors;

import static io.github.wschat.local.ConnectHandshakeTest.handshakeStatus;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

/** The module README's snippets compile, run, and are the same text as in the README. */
class ReadmeExampleTest {

    @Test
    void the_readme_snippet_runs() throws Exception {
        // tag::readme[]
        try (LocalWebSocketApi api = LocalWebSocketApi.builder()
                .stage("production")
                .twoWayRoute("$default", (event, context) -> {
                    APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
                    response.setStatusCode(200);
                    response.setBody("you said: " + event.getBody());
                    return response;
                })
                .start()) {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            WebSocket client = http.newWebSocketBuilder()
                    .buildAsync(api.webSocketUri(), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence text, boolean last) {
                            received.add(text.toString());
                            ws.request(1);
                            return null;
                        }
                    })
                    .get(10, SECONDS);

            client.sendText("hello", true).get(10, SECONDS);
            assertThat(received.poll(10, SECONDS)).isEqualTo("you said: hello");

            // what a function does with ApiGatewayManagementApiClient.postToConnection
            String id = api.connectionIds().iterator().next();
            URI connection = URI.create(api.connectionsEndpoint() + "/@connections/"
                    + URLEncoder.encode(id, StandardCharsets.UTF_8));
            HttpResponse<Void> posted = http.send(HttpRequest.newBuilder(connection)
                    .POST(HttpRequest.BodyPublishers.ofString("pushed")).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(posted.statusCode()).isEqualTo(200);
            assertThat(received.poll(10, SECONDS)).isEqualTo("pushed");
        }
        // end::readme[]
    }

    @Test
    void the_readme_authorizer_snippet_runs() throws Exception {
        // tag::authorizer[]
        try (LocalWebSocketApi api = LocalWebSocketApi.builder()
                .connectAuthorizer("AuthorizerFunction", (event, context) -> {
                    // the identity source is there and not empty: API Gateway checked before invoking
                    String token = event.getQueryStringParameters().get("token");
                    IamPolicyResponseV1.Statement statement = "let-me-in".equals(token)
                            ? IamPolicyResponseV1.allowStatement(event.getMethodArn())
                            : IamPolicyResponseV1.denyStatement(event.getMethodArn());
                    return IamPolicyResponseV1.builder()
                            .withPrincipalId("user-1")
                            .withPolicyDocument(IamPolicyResponseV1.PolicyDocument.builder()
                                    .withVersion(IamPolicyResponseV1.VERSION_2012_10_17)
                                    .withStatement(List.of(statement)).build())
                            .withContext(Map.of("name", "Alice"))
                            .build();
                }, List.of("route.request.querystring.token"))
                .twoWayRoute("$default", (event, context) -> {
                    // every event of the connection carries the authorizer's answer
                    Map<String, Object> authorizer = event.getRequestContext().getAuthorizer();
                    APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
                    response.setStatusCode(200);
                    response.setBody("hello " + authorizer.get("name") + " (" + authorizer.get("principalId") + ")");
                    return response;
                })
                .start()) {
            assertThat(handshakeStatus(api.webSocketUri())).isEqualTo(401);                          // no token
            assertThat(handshakeStatus(URI.create(api.webSocketUri() + "?token=guess"))).isEqualTo(403); // Deny
            try (WebSocketTestClient client = WebSocketTestClient.connect(
                    URI.create(api.webSocketUri() + "?token=let-me-in"))) {
                client.send("hi");
                assertThat(client.next()).isEqualTo("hello Alice (user-1)");
            }
        }
        // end::authorizer[]
    }

    @Test
    void the_readme_shows_exactly_these_snippets() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);

        assertThat(readme).contains(snippet("readme")).contains(snippet("authorizer"));
    }

    private static String snippet(String tag) throws IOException {
        List<String> source = Files.readAllLines(
                Path.of("src/test/java/io/github/wschat/local/ReadmeExampleTest.java"), StandardCharsets.UTF_8);
        return dedent(source.subList(source.indexOf("        // tag::" + tag + "[]") + 1,
                source.indexOf("        // end::" + tag + "[]")));
    }

    private static String dedent(List<String> lines) {
        return lines.stream().map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n"));
    }
}
