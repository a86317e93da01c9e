package io.github.wschat.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

/**
 * Runs in a fresh JVM, started from a deployment artifact: what Lambda does on a cold start, timed. It
 * builds the event first (outside the timing: Lambda's runtime has the event before it calls the handler),
 * then measures (1) making the handler by its public constructor, class loading and static initialisation
 * included, and (2) its first {@code handleRequest}, against the local endpoints the system properties
 * name. Prints {@code COLDSTART <construct µs> <first event µs> <status>} and exits.
 *
 * <p>Arguments: handler class, route key, event type, connection id, domain name, stage, and the body for
 * {@code MESSAGE} events. Only this class and the Lambda event types are needed on the classpath besides
 * the artifact: it references nothing else.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        APIGatewayV2WebSocketEvent event = event(args[1], args[2], args[3], args[4], args[5], args.length > 6 ? args[6] : null);

        long start = System.nanoTime();
        RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler =
                (RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>)
                        Class.forName(args[0]).getConstructor().newInstance();
        long constructed = System.nanoTime();
        APIGatewayV2WebSocketResponse response = handler.handleRequest(event, null);
        long handled = System.nanoTime();

        System.out.println("COLDSTART " + (constructed - start) / 1_000 + " " + (handled - constructed) / 1_000 + " "
                + (response == null ? 0 : response.getStatusCode()));
        System.out.flush();
        // do not wait for the SDK's and HTTP clients' non-daemon threads
        System.exit(0);
    }

    /** An event with the request context fields API Gateway sets and the handlers read. */
    static APIGatewayV2WebSocketEvent event(String routeKey, String eventType, String connectionId, String domainName,
                                            String stage, String body) {
        APIGatewayV2WebSocketEvent.RequestIdentity identity = new APIGatewayV2WebSocketEvent.RequestIdentity();
        identity.setSourceIp("127.0.0.1");
        identity.setUserAgent("cold-start-probe");
        APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setRouteKey(routeKey);
        context.setEventType(eventType);
        context.setConnectionId(connectionId);
        context.setDomainName(domainName);
        context.setStage(stage);
        context.setApiId("localwsapi");
        context.setRequestId("coldStartRequest=");
        long now = System.currentTimeMillis();
        context.setRequestTimeEpoch(now);
        context.setConnectedAt(now);
        context.setIdentity(identity);
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return event;
    }
}
