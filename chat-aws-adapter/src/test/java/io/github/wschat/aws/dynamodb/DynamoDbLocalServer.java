package io.github.wschat.aws.dynamodb;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * DynamoDB Local as an HTTP server on a free port, reached as AWS is: through a real
 * {@link DynamoDbClient} with the light {@link UrlConnectionHttpClient}, an endpoint override, a
 * region and static dummy credentials.
 */
public final class DynamoDbLocalServer implements AutoCloseable {

    private static final int START_ATTEMPTS = 5;

    private final DynamoDBProxyServer server;
    private final int port;
    private final List<DynamoDbClient> clients = new CopyOnWriteArrayList<>();

    private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts an in-memory server on a free port; one database for every client, whatever its region and keys. */
    public static DynamoDbLocalServer start() throws Exception {
        Exception last = null;
        // the free port found may be taken by someone else before the server binds it: try another
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = freePort();
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-sharedDb", "-port", Integer.toString(port), "-disableTelemetry"});
            try {
                server.start();
                return new DynamoDbLocalServer(server, port);
            } catch (Exception e) {
                last = e;
                server.stop();
            }
        }
        throw last;
    }

    public int port() {
        return port;
    }

    /** A new client of this server, closed with it; {@code interceptors} see every call. */
    public DynamoDbClient newClient(ExecutionInterceptor... interceptors) {
        return newClient(ClientOverrideConfiguration.builder().executionInterceptors(List.of(interceptors)).build());
    }

    public DynamoDbClient newClient(ClientOverrideConfiguration configuration) {
        DynamoDbClient client = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(configuration)
                .build();
        clients.add(client);
        return client;
    }

    /** Stops the server, leaving its clients open: their calls then fail to connect. */
    public void stopServer() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    /** Stops the server and closes its clients. */
    @Override
    public void close() {
        clients.forEach(DynamoDbClient::close);
        stopServer();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
