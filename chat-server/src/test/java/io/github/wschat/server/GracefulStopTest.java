package io.github.wschat.server;

import com.fasterxml.jackson.jr.ob.JSON;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SIGTERM during a burst, as ECS stops a task: {@link ChatServerMain} in a process of its own, 20 posts held in
 * their fan-out by the {@code @connections} API when the signal comes; new connections are refused at once, the 20
 * are answered, the process exits 0.
 */
class GracefulStopTest {

    private static final int BURST = 20;

    static Map<String, String> processEnvironment(ServerFixture engines) {
        Map<String, String> environment = new LinkedHashMap<>(engines.environment());
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", engines.dynamoDbServer.endpoint().toString());
        try {
            environment.put(ServerSettings.PORT, String.valueOf(ServerProcess.freePort()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return environment;
    }

    @Test
    void given_requests_in_flight_when_sigterm_then_new_connections_are_refused_every_accepted_request_is_answered_and_the_exit_is_0()
            throws Exception {
        try (ServerFixture engines = ServerFixture.engines();
             ServerProcess server = ServerProcess.start(processEnvironment(engines))) {
            engines.member("drain", "drain-bob", "bob");
            int port = server.port;
            server.awaitAccepting(Duration.ofSeconds(60));
            URI messages = URI.create("http://127.0.0.1:" + port + "/rooms/drain/messages");
            String token = engines.token("alice");
            engines.connections.faults().hold();

            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                burst.add(engines.http.sendAsync(HttpRequest.newBuilder(messages).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"b" + i + "\",\"text\":\"burst text " + i + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString()));
            }
            // every post stored and in its fan-out, held there: accepted and in flight
            assertThat(engines.connections.requests().awaitInFlight(BURST, Duration.ofSeconds(60)))
                    .as(server.output()).isTrue();

            server.process.destroy(); // SIGTERM on Linux
            server.awaitRefusing(Duration.ofSeconds(30));

            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
            assertThat(server.process.isAlive()).isTrue();
            assertThat(burst).noneMatch(CompletableFuture::isDone);

            engines.connections.faults().release();
            Set<Object> seqs = new HashSet<>();
            for (CompletableFuture<HttpResponse<String>> request : burst) {
                HttpResponse<String> response = request.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                seqs.add(JSON.std.mapFrom(response.body()).get("seq"));
            }
            assertThat(seqs).hasSize(BURST);
            assertThat(server.awaitExit(Duration.ofSeconds(30))).isZero();

            String log = server.output();
            assertThat(log).contains("stopped: every request answered").doesNotContain(token)
                    .doesNotContain("burst text");
            assertThat(log.lines().filter(line -> line.contains("\"loggerName\":\"io.github.wschat.server.access\"")))
                    .hasSize(BURST).allSatisfy(line -> assertThat(line).contains("{\"method\":\"POST\"}")  // JSON writes / as \\/
                            .contains("{\"path\":\"\\/rooms\\/drain\\/messages\"}").contains("{\"status\":\"201\"}"));
            assertThat(log.lines()).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
            assertThat(engines.connections.receivedBy("drain-bob")).hasSize(BURST);
        }
    }
}
