package io.github.wschat.example;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import io.github.wschat.aws.lambda.WebSocketEventAdapter;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.inmemory.InMemoryConnectionStore;
import io.github.wschat.inmemory.InMemoryMessageSender;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PostToConnectionRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.core.SdkBytes;

import java.util.Map;

/**
 * Primes the handler path before Lambda takes the SnapStart snapshot, so that restored functions
 * start with the classes loaded and the code compiled: a whole tutorial session (two connects, a
 * message, a {@code $default}, a malformed body, two disconnects) runs through the very
 * {@link WebSocketEventAdapter} code, on in-memory adapters. No AWS resource is touched, no
 * connection is opened, nothing unique is created, so the snapshot is safe to restore many times.
 */
final class SnapStartPriming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        int delivered = prime();
        LOG.info("primed the handler path before the snapshot ({} messages through the in-memory session)", delivered);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to re-create: the SDK clients hold no open connection and no per-instance secret
        LOG.info("restored from the SnapStart snapshot");
    }

    /** Runs the session; returns how many messages the in-memory sender delivered. */
    static int prime() {
        InMemoryConnectionStore store = InMemoryConnectionStore.create();
        InMemoryMessageSender sender = InMemoryMessageSender.create();
        WebSocketEventAdapter adapter = WebSocketEventAdapter.builder()
                .connectionStore(store)
                .messageSenders(endpoint -> sender)
                .build();
        String a = "primingConnA=";
        String b = "primingConnB=";
        adapter.onConnect(event("$connect", "CONNECT", a, null), null);
        adapter.onConnect(event("$connect", "CONNECT", b, null), null);
        adapter.onSendMessage(event("sendmessage", "MESSAGE", a, "{\"action\":\"sendmessage\",\"message\":\"priming\"}"), null);
        adapter.onSendMessage(event("sendmessage", "MESSAGE", a, "not json"), null);
        adapter.onDefault(event("$default", "MESSAGE", b, "hello?"), null);
        adapter.onDisconnect(event("$disconnect", "DISCONNECT", a, null), null);
        adapter.onDisconnect(event("$disconnect", "DISCONNECT", b, null), null);
        primeSdkModels();
        return sender.receivedBy(ConnectionId.of(a)).size() + sender.receivedBy(ConnectionId.of(b)).size();
    }

    /** Loads the SDK request models the handlers build, without sending them. */
    private static void primeSdkModels() {
        PutItemRequest.builder().tableName("priming").item(Map.of("connectionId", AttributeValue.fromS("x"))).build();
        ScanRequest.builder().tableName("priming").limit(1).build();
        PostToConnectionRequest.builder().connectionId("x").data(SdkBytes.fromUtf8String("x")).build();
    }

    private static APIGatewayV2WebSocketEvent event(String routeKey, String eventType, String connectionId, String body) {
        APIGatewayV2WebSocketEvent.RequestIdentity identity = new APIGatewayV2WebSocketEvent.RequestIdentity();
        identity.setSourceIp("192.0.2.1");
        identity.setUserAgent("snapstart-priming");
        APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setRouteKey(routeKey);
        context.setEventType(eventType);
        context.setConnectionId(connectionId);
        context.setDomainName("priming.invalid");
        context.setStage("priming");
        context.setRequestId("priming");
        context.setIdentity(identity);
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        event.setBody(body);
        return event;
    }
}
