package io.github.wschat.local.runner;

import io.github.wschat.testkit.dynamodb.DynamoDbLocalClients;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import io.github.wschat.testkit.websocket.WebSocketTestClient;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one command's entry point, {@code LocalChat.main}, in a JVM of its own as {@code run-local-chat.sh}
 * starts it: it prints where to connect, serves the example's handlers, and on SIGTERM (what Ctrl-C
 * amounts to) closes its connections so that their {@code $disconnect} removes their items.
 */
class LocalChatMainTest {

    // generous: the child JVM starts cold on a possibly loaded 2-core machine; a passing run never waits
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration EXIT = Duration.ofSeconds(30);
    static final Pattern READY = Pattern.compile("Ready: (ws://\\S+)");
    private static final Pattern CONNECTION_ID = Pattern.compile("\"connectionID\":\"([^\"]+)\"}$");

    @Test
    void given_the_scripts_environment_when_main_runs_then_it_serves_and_sigterm_disconnects_everyone()
            throws Exception {
        String table = "wschat-main-" + System.nanoTime();
        try (DynamoDbLocalServer dynamoDb = DynamoDbLocalServer.start();
             DynamoDbClient client = dynamoDbClient(dynamoDb.endpoint());
             ProcessOutput chat = startChat(Map.of(
                     "CHAT_PORT", "0",
                     "TABLE_NAME", table,
                     "AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString()))) {
            URI uri = URI.create(chat.awaitLine(READY, STARTUP).group(1));
            assertThat(uri.getHost()).isEqualTo("127.0.0.1");
            assertThat(uri.getPort()).isPositive();

            WebSocketTestClient socket = WebSocketTestClient.builder(uri).timeout(STARTUP).connect();
            socket.send("who am I?");
            String info = socket.next(); // the $default answer
            Matcher id = CONNECTION_ID.matcher(info);
            assertThat(id.find()).as("a connection id in %s", info).isTrue();
            String connectionId = id.group(1);
            assertThat(item(client, table, connectionId)).as("the item $connect stored in " + table).isNotEmpty();

            chat.process().destroy();

            assertThat(chat.process().waitFor(EXIT.toSeconds(), TimeUnit.SECONDS))
                    .as("the chat stopped within %s; it printed:%n%s", EXIT, chat.output()).isTrue();
            assertThat(chat.process().exitValue()).as("128 + SIGTERM").isEqualTo(143);
            assertThat(socket.awaitClose(EXIT).code()).isEqualTo(1001);
            assertThat(item(client, table, connectionId)).as("the item, after $disconnect").isEmpty();
        }
    }

    @Test
    void given_no_table_name_when_main_runs_then_it_exits_at_once_saying_what_to_set() throws Exception {
        try (ProcessOutput chat = startChat(Map.of("CHAT_PORT", "0"))) {
            assertThat(chat.process().waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(chat.process().exitValue()).isEqualTo(LocalChat.BAD_SETTINGS_EXIT_CODE);
            assertThat(chat.output()).contains("TABLE_NAME is not set").doesNotContain("Ready:");
        }
    }

    static DynamoDbClient dynamoDbClient(URI endpoint) {
        return DynamoDbLocalClients.builder(endpoint).region(Region.US_EAST_1).build();
    }

    static Map<String, AttributeValue> item(DynamoDbClient client, String table, String connectionId) {
        return client.getItem(get -> get.tableName(table).consistentRead(true)
                .key(Map.of("connectionId", AttributeValue.fromS(connectionId)))).item();
    }

    /** {@code java -cp <this test's class path> LocalChat <template>}: the one command's JVM. */
    static ProcessOutput startChat(Map<String, String> environment) throws IOException {
        return startChat(LocalChat.class, environment);
    }

    /** {@code java -cp <this test's class path> <main> <template>}: the one command's JVM, or a test's variant of it. */
    static ProcessOutput startChat(Class<?> main, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                main.getName(),
                Path.of("../../chat-lambda-example/template.yaml").toAbsolutePath().toString()));
        // the pom sets TABLE_NAME for this JVM: the child gets only what the test gives it
        builder.environment().remove(LocalChat.TABLE_NAME);
        builder.environment().putAll(environment);
        return ProcessOutput.start(builder, line -> line);
    }
}
