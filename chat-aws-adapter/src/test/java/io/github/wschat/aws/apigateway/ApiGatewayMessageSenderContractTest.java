package io.github.wschat.aws.apigateway;

import io.github.wschat.core.contract.ConnectionInfoQueryContract;
import io.github.wschat.core.contract.MessageSenderContract;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.port.out.ConnectionInfoQuery;
import io.github.wschat.core.port.out.MessageSender;
import io.github.wschat.testkit.connections.LoopbackConnectionsApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The {@link MessageSender} and {@link ConnectionInfoQuery} contracts, run with the real SDK client against a loopback {@code @connections} API. */
class ApiGatewayMessageSenderContractTest extends MessageSenderContract implements ConnectionInfoQueryContract {

    private static LoopbackConnectionsApi api;
    /** Static: the API outlives test instances, so ids must not repeat across tests. */
    private static final AtomicInteger IDS = new AtomicInteger();
    private ApiGatewayMessageSender sender;

    @BeforeAll
    static void startApi() {
        api = LoopbackConnectionsApi.start();
    }

    @AfterAll
    static void stopApi() {
        api.close();
    }

    @AfterEach
    void closeSender() {
        sender.close();
    }

    @Override
    protected MessageSender createSender() {
        sender = TestSenders.senderFor(api).build();
        return sender;
    }

    @Override
    public ConnectionInfoQuery connectionInfoQuery() {
        return sender;
    }

    /** Ids shaped like API Gateway's, with the '=' and '+' that must survive URL encoding. */
    @Override
    public ConnectionId givenLiveConnection() {
        return ConnectionId.of(api.connect("Bq3x+live" + IDS.incrementAndGet() + "Q="));
    }

    @Override
    public ConnectionId givenGoneConnection() {
        return ConnectionId.of("Cr4y+gone" + IDS.incrementAndGet() + "Q=");
    }

    @Override
    protected List<String> receivedBy(ConnectionId id) {
        return api.receivedBy(id.value());
    }
}
