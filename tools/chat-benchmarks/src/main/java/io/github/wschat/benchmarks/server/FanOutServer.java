package io.github.wschat.benchmarks.server;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.github.wschat.benchmarks.tutorial.TutorialPromiseAllSendMessageHandler;
import io.github.wschat.benchmarks.tutorial.TutorialSendMessageHandler;
import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.local.LocalWebSocketApi;
import io.github.wschat.testkit.connections.FaultInjection;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import io.github.wschat.testkit.dynamodb.DynamoDbTables;
import io.github.wschat.local.runner.LazyHandler;
import io.github.wschat.testkit.sam.SamWebSocketApi;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server side of the fan-out, scaling and rooms benchmarks, in a JVM of its own (so that 10,000 client
 * sockets and 10,000 server sockets do not share one process's open-files limit): DynamoDB Local on a loopback
 * port, the local WebSocket API, and the handlers compared.
 *
 * <ul>
 *   <li>the routes of {@code chat-lambda-example/template.yaml} with the handler classes it names, made on
 *       first use after the SDK's standard endpoint properties are set, as {@code LocalChat} does: (a) is
 *       route {@value Routes#PROJECT};</li>
 *   <li>{@value Routes#TUTORIAL} (b), {@value Routes#TUTORIAL_PROMISE_ALL} (b′), {@value Routes#GATEWAY_PUSH}
 *       (c), and the two-way control routes {@value Routes#STATS} and {@value Routes#LATENCY};</li>
 *   <li>when the environment names the room tables ({@code MEMBERSHIPS_TABLE_NAME}, {@code MESSAGES_TABLE_NAME},
 *       the rooms benchmark): both tables, created from the adapters' definitions as {@code LocalChat} creates
 *       them, so that the template's room routes are on; the baseline {@value RoomRoutes#SCAN_PUBLISH}
 *       ({@link ScanPublishHandler}); and the template's {@value RoomRoutes#PUBLISH} and the baseline both
 *       followed by a done note that also carries the {@link MembershipReads} of the invocation.</li>
 * </ul>
 * The handlers read {@code TABLE_NAME} (and the room tables' names) from the environment, so the JVM must be
 * started with it (the driver does). Prints {@code READY <ws uri> <dynamodb endpoint> <table>} on standard
 * output when serving, and exits when its standard input closes, so it never outlives the driver.
 */
public final class FanOutServer {

    private FanOutServer() {
    }

    /** Argument: the SAM template. */
    public static void main(String[] args) {
        try {
            // the parent process reads the READY line from standard output
            serve(args, System.out);
        } catch (Throwable e) {
            e.printStackTrace();
            // DynamoDB Local's threads would keep a failed server alive
            Runtime.getRuntime().halt(1);
        }
    }

    private static void serve(String[] args, PrintStream out) throws Exception {
        SamWebSocketApi template = SamWebSocketApi.read(Path.of(args[0]));
        String tableName = System.getenv("TABLE_NAME");
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalStateException("start the server with TABLE_NAME set: the example's handlers read it");
        }
        setIfUnset("aws.region", "us-east-1");
        setIfUnset("aws.accessKeyId", "local");
        setIfUnset("aws.secretAccessKey", "local");

        DynamoDbLocalServer dynamoDb = DynamoDbLocalServer.start();
        String dynamoDbEndpoint = dynamoDb.endpoint().toString();
        System.setProperty("aws.endpointUrlDynamoDb", dynamoDbEndpoint);
        DynamoDbTables.createConnectionsTable(dynamoDb.newClient(), tableName);
        Optional<RoomTables> rooms = RoomTables.fromEnvironment();
        rooms.ifPresent(tables -> tables.createRoomTables(dynamoDb.newClient()));

        AtomicReference<LocalWebSocketApi> api = new AtomicReference<>();
        HandlerTimings timings = new HandlerTimings();
        LocalWebSocketApi.Builder builder = LocalWebSocketApi.builder()
                .stage(template.stage())
                .routeSelectionExpression(template.routeSelectionExpression());
        for (SamWebSocketApi.RouteHandler route : template.routes()) {
            RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler =
                    LazyHandler.ofClass(route.handlerClass());
            if (route.routeKey().equals("$connect") || route.routeKey().equals("$disconnect")) {
                handler = timings.timed(route.routeKey(), handler);
            } else if (route.routeKey().equals(Routes.PROJECT)) {
                handler = HandlerTimings.notifying(Routes.PROJECT, handler, api::get);
            } else if (rooms.isPresent() && route.routeKey().equals(RoomRoutes.PUBLISH)) {
                handler = HandlerTimings.notifying(RoomRoutes.PUBLISH, MembershipReads.counting(handler), api::get,
                        MembershipReads::takeNote);
            }
            if (route.twoWay()) {
                builder.twoWayRoute(route.routeKey(), handler);
            } else {
                builder.route(route.routeKey(), handler);
            }
        }
        builder.route(Routes.TUTORIAL, HandlerTimings.notifying(Routes.TUTORIAL,
                new LazyHandler<>(TutorialSendMessageHandler::new), api::get));
        builder.route(Routes.TUTORIAL_PROMISE_ALL, HandlerTimings.notifying(Routes.TUTORIAL_PROMISE_ALL,
                new LazyHandler<>(TutorialPromiseAllSendMessageHandler::new), api::get));
        builder.route(Routes.GATEWAY_PUSH, HandlerTimings.notifying(Routes.GATEWAY_PUSH,
                new GatewayPushHandler(api::get), api::get));
        if (rooms.isPresent()) {
            builder.route(RoomRoutes.SCAN_PUBLISH, HandlerTimings.notifying(RoomRoutes.SCAN_PUBLISH,
                    MembershipReads.counting(new LazyHandler<>(ScanPublishHandler::new)), api::get,
                    MembershipReads::takeNote));
        }
        builder.twoWayRoute(Routes.STATS, timings.statsRoute());
        builder.twoWayRoute(Routes.LATENCY, (event, context) -> setLatency(api.get(), event.getBody()));
        api.set(builder.start());
        // handlers are made on first use, after this: their SDK clients see this endpoint
        System.setProperty("aws.endpointUrlApiGatewayManagementApi", api.get().connectionsEndpoint().toString());

        out.println("READY " + api.get().webSocketUri() + " " + dynamoDbEndpoint + " " + tableName);
        out.flush();
        waitForEndOfInput(System.in);
        // a quick exit without closing the API: nothing to keep, and closing 10,000 connections would run
        // 10,000 $disconnect handlers
        System.exit(0);
    }

    /** Makes every {@code @connections} call wait {@code millis} before it is answered (non-blocking). */
    private static APIGatewayV2WebSocketResponse setLatency(LocalWebSocketApi api, String body) {
        long millis;
        try {
            millis = ((Number) JSON.std.mapFrom(body).get("millis")).longValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        api.injectFaults(millis == 0 ? FaultInjection.none()
                : FaultInjection.builder().delay(Duration.ofMillis(millis), 1.0).build());
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(200);
        response.setBody("latency " + millis);
        return response;
    }

    private static void waitForEndOfInput(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // the driver writes nothing; end of input means it is done or gone
        }
    }

    private static void setIfUnset(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
