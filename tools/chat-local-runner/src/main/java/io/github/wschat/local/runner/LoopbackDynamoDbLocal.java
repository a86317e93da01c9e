package io.github.wschat.local.runner;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler;

import java.net.URI;

/**
 * DynamoDB Local, in memory, in this process, served over HTTP on 127.0.0.1 only. DynamoDB Local's own
 * server ({@code ServerRunner}) listens on every interface and has no host option; this one mounts the
 * same request handler on a Jetty connector bound to loopback, on a port the system picks.
 */
final class LoopbackDynamoDbLocal implements AutoCloseable {

    private final Server jetty;
    private final ServerConnector connector;

    private LoopbackDynamoDbLocal(Server jetty, ServerConnector connector) {
        this.jetty = jetty;
        this.connector = connector;
    }

    static LoopbackDynamoDbLocal start() throws Exception {
        // as ServerRunner builds it for "-inMemory -sharedDb": one database whatever the keys and region
        LocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(
                new LocalDynamoDBRequestHandler(0, true, null, true, false), null);
        Handler routes = new DynamoDBProxyServer(0, handler).setUpHandler(handler);
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(routes);
        jetty.start();
        return new LoopbackDynamoDbLocal(jetty, connector);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
