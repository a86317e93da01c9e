package io.github.wschat.testkit.dynamodb;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * DynamoDB Local, in memory, in this process, served over HTTP on 127.0.0.1 only, on a port the system
 * picks. It is reached as AWS is: through a real {@link DynamoDbClient} ({@link #newClient}, or
 * {@link DynamoDbLocalClients} for code that builds its own) or by any process given {@link #endpoint()},
 * e.g. as {@code AWS_ENDPOINT_URL_DYNAMODB}.
 *
 * <p>DynamoDB Local's own server ({@code ServerRunner}) listens on every interface and has no host option;
 * this one mounts the same request handler on a Jetty connector bound to loopback. As with
 * {@code -inMemory -sharedDb}, there is one database whatever the client's region and keys. Telemetry is
 * never configured, so none is sent.
 *
 * <pre>{@code
 * try (DynamoDbLocalServer server = DynamoDbLocalServer.start()) {
 *     DynamoDbClient client = server.newClient();
 *     String table = DynamoDbTables.createConnectionsTable(client);
 *     ...
 * }
 * }</pre>
 */
public final class DynamoDbLocalServer implements AutoCloseable {

    private final LocalDynamoDBRequestHandler database;
    private final Server jetty;
    private final ServerConnector connector;
    private final URI endpoint;
    private final List<DynamoDbClient> clients = new CopyOnWriteArrayList<>();

    private DynamoDbLocalServer(LocalDynamoDBRequestHandler database, Server jetty, ServerConnector connector) {
        this.database = database;
        this.jetty = jetty;
        this.connector = connector;
        this.endpoint = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    /** Starts an empty in-memory database and its server on a free loopback port. */
    public static DynamoDbLocalServer start() throws Exception {
        // as ServerRunner builds it for "-inMemory -sharedDb": (port, inMemory, dbPath, sharedDb, delayTransientStatuses)
        LocalDynamoDBRequestHandler database = new LocalDynamoDBRequestHandler(0, true, null, true, false);
        LocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(database, null);
        Handler routes = new DynamoDBProxyServer(0, handler).setUpHandler(handler);
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(routes);
        try {
            jetty.start();
        } catch (Exception e) {
            database.shutdown();
            throw e;
        }
        return new DynamoDbLocalServer(database, jetty, connector);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return endpoint.getPort();
    }

    /** The address the server listens on: 127.0.0.1. */
    public String host() {
        return connector.getHost();
    }

    /** A new client of this server, closed with it; {@code interceptors} see every call. */
    public DynamoDbClient newClient(ExecutionInterceptor... interceptors) {
        return newClient(ClientOverrideConfiguration.builder().executionInterceptors(List.of(interceptors)).build());
    }

    /** A new client of this server with {@code configuration} (retries, interceptors, timeouts), closed with it. */
    public DynamoDbClient newClient(ClientOverrideConfiguration configuration) {
        DynamoDbClient client = DynamoDbLocalClients.builder(endpoint).overrideConfiguration(configuration).build();
        clients.add(client);
        return client;
    }

    /** Stops the server, leaving its clients open: their calls then fail to connect. */
    public void stopServer() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    /** Stops the server, closes its clients and drops the database. */
    @Override
    public void close() {
        clients.forEach(DynamoDbClient::close);
        try {
            stopServer();
        } finally {
            database.shutdown();
        }
    }
}
