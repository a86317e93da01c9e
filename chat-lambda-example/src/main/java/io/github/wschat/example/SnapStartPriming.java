package io.github.wschat.example;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.github.wschat.aws.ApiGatewayChat;
import io.github.wschat.aws.apigateway.ApiGatewayMessageSender;
import io.github.wschat.aws.dynamodb.DynamoDbConnectionStore;
import io.github.wschat.aws.lambda.WebSocketEventAdapter;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.port.out.ConnectionInfoQuery;
import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.core.port.out.MessageSender;
import io.github.wschat.inmemory.InMemoryConnectionStore;
import io.github.wschat.inmemory.InMemoryMessageLog;
import io.github.wschat.inmemory.InMemoryMessageSender;
import io.github.wschat.inmemory.InMemoryRoomMembership;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Supplier;

/**
 * Primes the handler path before Lambda takes the SnapStart snapshot, so that restored functions
 * start with the classes loaded and the code compiled. Two tutorial sessions run through the very
 * {@link WebSocketEventAdapter} code, wired as the application wires it, by {@link ApiGatewayChat}:
 * <ol>
 *   <li>on the real adapters, {@link DynamoDbConnectionStore} and {@link ApiGatewayMessageSender},
 *       over the throwaway SDK clients of {@link PrimingClients}: every request runs the SDK's
 *       whole request path (marshalling of PutItem, Scan, DeleteItem, PostToConnection and
 *       GetConnection, endpoint rules, SigV4 signing, the retry strategy) and is stopped where it
 *       would be sent, so the adapter answers 500s and failed deliveries, as it would with the
 *       network down: that is expected, and logged as such;</li>
 *   <li>on in-memory adapters, for what the first session cannot reach once its Scan is stopped:
 *       a broadcast's fan-out and its deliveries; and the room path, with in-memory rooms: join, presence,
 *       publish with its ack and fan-out, history, members, leave, and {@code $disconnect} leaving a room.
 *       The DynamoDB room adapters' requests are not primed: they would be harmless the same way (stopped
 *       before they are sent), but are not done yet.</li>
 * </ol>
 * No AWS resource is touched, no byte leaves the process, no credentials are resolved, the
 * application's clients are not used, and the priming's clients are closed before the snapshot:
 * nothing unique or connected is captured, so the snapshot is safe to restore many times. The
 * priming throws no exception: a failure is logged, and the snapshot taken less primed (an {@code Error}, a broken JVM, still ends the checkpoint).
 */
final class SnapStartPriming implements Resource {

    /** The request id of every priming event, so that the failures the first session logs say where they come from. */
    static final String REQUEST_ID = "snapstart-priming";

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    private static final String DOMAIN_NAME = PrimingClients.CONNECTIONS_ENDPOINT.getHost();
    private static final String STAGE = PrimingClients.CONNECTIONS_ENDPOINT.getPath().substring(1);

    private final Supplier<PrimingClients> clients;

    /** A priming on the fixed endpoints of {@link PrimingClients}. */
    SnapStartPriming() {
        this(PrimingClients::create);
    }

    /** A priming on the given clients; for tests. */
    SnapStartPriming(Supplier<PrimingClients> clients) {
        this.clients = clients;
    }

    /**
     * What a priming did.
     *
     * @param sdkStatuses       the status code of each answer of the SDK session, in order
     * @param stoppedOperations the SDK operations the SDK session stopped before transmission, one per request
     * @param delivered         the messages the in-memory session delivered (12: 3 of the tutorial's routes, 9 of the rooms')
     */
    record Report(List<Integer> sdkStatuses, List<String> stoppedOperations, int delivered) {
        Report {
            sdkStatuses = List.copyOf(sdkStatuses);
            stoppedOperations = List.copyOf(stoppedOperations);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            Report report = prime(clients);
            LOG.info("primed the handler path before the snapshot: SDK requests stopped before sending {}, "
                    + "{} messages through the in-memory session", report.stoppedOperations(), report.delivered());
        } catch (RuntimeException e) {
            LOG.warn("priming the handler path failed; the snapshot is taken without it", e);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to re-create: the application's SDK clients have never been used, they hold no
        // open connection and no resolved credentials, and the priming's are closed
        LOG.info("restored from the SnapStart snapshot");
    }

    /** Runs both sessions on the priming's clients, closed afterwards. */
    static Report prime() {
        return prime(PrimingClients::create);
    }

    /** Runs both sessions on the given clients, and closes them. */
    static Report prime(Supplier<PrimingClients> clients) {
        List<Integer> statuses;
        List<String> stopped;
        try (PrimingClients sdk = clients.get()) {
            statuses = primeSdkPath(sdk);
            stopped = sdk.stoppedOperations();
        }
        return new Report(statuses, stopped, primeInMemory());
    }

    /**
     * The first session: every adapter and SDK client is real, every request is stopped before it
     * is sent; returns the status code of each answer.
     */
    private static List<Integer> primeSdkPath(PrimingClients sdk) {
        LOG.info("priming the SDK request path: each request is stopped before it is sent, and the failures "
                + "logged for request {} are expected", REQUEST_ID);
        ApiGatewayMessageSender sender = ApiGatewayMessageSender.builder().client(sdk.connectionsApi()).build();
        WebSocketEventAdapter adapter = adapterOn(DynamoDbConnectionStore.builder()
                .dynamoDbClient(sdk.dynamoDb())
                .tableName("snapstart-priming")
                .build(), sender);
        String a = "primingSdkA=";
        return List.of(
                        adapter.onConnect(event("$connect", "CONNECT", a, null), null),               // PutItem
                        adapter.onSendMessage(event("sendmessage", "MESSAGE", a,
                                "{\"action\":\"sendmessage\",\"message\":\"priming\"}"), null),       // Scan
                        adapter.onSendMessage(event("sendmessage", "MESSAGE", a, "not json"), null),  // PostToConnection
                        adapter.onDefault(event("$default", "MESSAGE", a, "hello?"), null),          // GetConnection, PostToConnection
                        adapter.onDisconnect(event("$disconnect", "DISCONNECT", a, null), null),      // DeleteItem
                        adapter.onConnect(event("$connect", "CONNECT", null, null), null))            // bad input: no request
                .stream().map(APIGatewayV2WebSocketResponse::getStatusCode)
                .toList();
    }

    /** The second session: a whole chat on in-memory adapters; returns how many messages were delivered. */
    private static int primeInMemory() {
        InMemoryConnectionStore store = InMemoryConnectionStore.create();
        InMemoryMessageSender sender = InMemoryMessageSender.create();
        WebSocketEventAdapter adapter = ApiGatewayChat.builder()
                .connectionStore(store)
                .messageSenders(endpoint -> sender)
                .rooms(InMemoryRoomMembership.create(), InMemoryMessageLog.create())
                .build()
                .adapter();
        String a = "primingConnA=";
        String b = "primingConnB=";
        adapter.onConnect(event("$connect", "CONNECT", a, null), null);
        adapter.onConnect(event("$connect", "CONNECT", b, null), null);
        adapter.onSendMessage(event("sendmessage", "MESSAGE", a, "{\"action\":\"sendmessage\",\"message\":\"priming\"}"), null);
        adapter.onSendMessage(event("sendmessage", "MESSAGE", a, "not json"), null);
        adapter.onDefault(event("$default", "MESSAGE", b, "hello?"), null);
        String general = "\"room\":\"priming\"";
        adapter.onRoomRequest(event("join", "MESSAGE", a, "{\"action\":\"join\"," + general + "}"), null);
        adapter.onRoomRequest(event("join", "MESSAGE", b, "{\"action\":\"join\"," + general + "}"), null);
        adapter.onRoomRequest(event("publish", "MESSAGE", a,
                "{\"action\":\"publish\"," + general + ",\"id\":\"priming-1\",\"text\":\"priming\"}"), null);
        adapter.onRoomRequest(event("history", "MESSAGE", b, "{\"action\":\"history\"," + general + "}"), null);
        adapter.onRoomRequest(event("members", "MESSAGE", b, "{\"action\":\"members\"," + general + "}"), null);
        adapter.onRoomRequest(event("leave", "MESSAGE", b, "{\"action\":\"leave\"," + general + "}"), null);
        adapter.onDisconnect(event("$disconnect", "DISCONNECT", a, null), null);
        adapter.onDisconnect(event("$disconnect", "DISCONNECT", b, null), null);
        // B gets the message, A the error for the malformed body, B the $default answer; in the room: A joined,
        // B joined, A B's presence, A the ack, B the message, B the history, B the members, B left, A B's leave
        return sender.receivedBy(ConnectionId.of(a)).size() + sender.receivedBy(ConnectionId.of(b)).size();
    }

    /**
     * The adapter as the application wires it ({@link ApiGatewayChat}, with its defaults), on the
     * given store and sender: the events' domain and stage make the priming's one endpoint.
     */
    private static <T extends MessageSender & ConnectionInfoQuery> WebSocketEventAdapter adapterOn(
            ConnectionStore store, T sender) {
        return ApiGatewayChat.builder()
                .connectionStore(store)
                .messageSenders(endpoint -> sender)
                .build()
                .adapter();
    }

    /** An event as API Gateway sends it for the priming's (nonexistent) API. */
    private static APIGatewayV2WebSocketEvent event(String routeKey, String eventType, String connectionId, String body) {
        APIGatewayV2WebSocketEvent.RequestIdentity identity = new APIGatewayV2WebSocketEvent.RequestIdentity();
        identity.setSourceIp("192.0.2.1");
        identity.setUserAgent("snapstart-priming");
        APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setRouteKey(routeKey);
        context.setEventType(eventType);
        context.setConnectionId(connectionId);
        context.setDomainName(DOMAIN_NAME);
        context.setStage(STAGE);
        context.setRequestId(REQUEST_ID);
        context.setIdentity(identity);
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        event.setBody(body);
        return event;
    }
}
