package io.github.wschat.benchmarks.jmh;

import io.github.wschat.aws.apigateway.ApiGatewayMessageSender;
import io.github.wschat.benchmarks.client.BenchClient;
import io.github.wschat.benchmarks.client.WebSocketClients;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.local.LocalWebSocketApi;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One message to one connected client of the local WebSocket API, one after the other, per message in µs:
 * <ul>
 *   <li>{@link #sdkPostToConnection}: this project's {@link ApiGatewayMessageSender} (the SDK's
 *       {@code PostToConnection} on the url-connection client: signing, HTTP over loopback, the gateway's
 *       {@code @connections} handling, the frame written), as (a) sends each message;</li>
 *   <li>{@link #gatewayInProcessPush}: the gateway writing the frame itself, as (c) does.</li>
 * </ul>
 * The ratio is the floor of (a)/(c) per recipient, before any concurrency or DynamoDB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConnectionsPostBenchmark {

    private LocalWebSocketApi api;
    private WebSocketClients clients;
    private BenchClient client;
    private ApiGatewayMessageSender sender;
    private ConnectionId recipient;
    private String recipientId;
    private final MessagePayload payload = MessagePayload.of("hello, everyone!");

    @Setup(Level.Trial)
    public void connect() throws Exception {
        api = LocalWebSocketApi.builder().start();
        clients = WebSocketClients.create(api.webSocketUri(), 1);
        client = clients.connectUpTo(1, 1, Duration.ofSeconds(30)).get(0);
        // the gateway counts a connection as open once its handshake response is written: a moment later
        for (int i = 0; i < 100 && api.connectionIds().isEmpty(); i++) {
            Thread.sleep(10);
        }
        recipientId = api.connectionIds().iterator().next();
        recipient = ConnectionId.of(recipientId);
        sender = ApiGatewayMessageSender.builder()
                .endpoint(api.connectionsEndpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    /** The client keeps what it received: forget it between iterations. */
    @TearDown(Level.Iteration)
    public void forget() {
        client.clearControl();
    }

    @TearDown(Level.Trial)
    public void stop() {
        clients.close();
        api.close();
    }

    @Benchmark
    public DeliveryOutcome sdkPostToConnection() {
        return sender.send(recipient, payload);
    }

    @Benchmark
    public Boolean gatewayInProcessPush() throws Exception {
        return api.sendToConnection(recipientId, payload.text()).get(10, TimeUnit.SECONDS);
    }
}
