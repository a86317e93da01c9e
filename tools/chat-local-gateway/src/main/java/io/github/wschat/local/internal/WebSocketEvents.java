package io.github.wschat.local.internal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Lambda events of API Gateway WebSocket APIs, field for field like the real ones
 * ({@code shared/events/*.json}): CONNECT with the client's headers and query string, MESSAGE with the
 * body, DISCONNECT with the few headers API Gateway puts there; and the input of the {@code $connect}
 * authorizer. Once an authorizer allowed a connection, every event of it carries the authorizer's answer in
 * {@code requestContext.authorizer}. The disconnect status code and reason are not in the event, because
 * {@code APIGatewayV2WebSocketEvent} does not model them; the access log has them.
 */
final class WebSocketEvents {

    private static final String CONNECT = "CONNECT";
    private static final String MESSAGE = "MESSAGE";
    private static final String DISCONNECT = "DISCONNECT";

    private final String stage;
    private final String apiId;
    private final AwsIds ids;

    WebSocketEvents(String stage, String apiId, AwsIds ids) {
        this.stage = stage;
        this.apiId = apiId;
        this.ids = ids;
    }

    /**
     * The {@code $connect} event: the client's headers (without the hop-by-hop {@code Connection} and
     * {@code Upgrade}) plus those API Gateway adds ({@code X-Amzn-Trace-Id}, {@code X-Forwarded-*}), and
     * the query string parameters.
     */
    APIGatewayV2WebSocketEvent connect(LocalConnection connection, HttpHeaders requestHeaders, String uri,
                                       String requestId, String traceId, long now) {
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        Map<String, List<String>> multi = headers(connection, requestHeaders, false, traceId);
        event.setHeaders(lastValues(multi));
        event.setMultiValueHeaders(multi);

        Map<String, List<String>> multiQuery = query(uri);
        if (!multiQuery.isEmpty()) {
            event.setQueryStringParameters(lastValues(multiQuery));
            event.setMultiValueQueryStringParameters(multiQuery);
        }
        event.setRequestContext(context(connection, "$connect", CONNECT, requestId, now));
        event.setIsBase64Encoded(false);
        return event;
    }

    /**
     * The input of the {@code $connect} REQUEST authorizer, as far as {@code APIGatewayCustomAuthorizerEvent}
     * holds it: type {@code REQUEST}, the method ARN, every header of the request ({@code Connection} and
     * {@code Upgrade} too, as API Gateway sends them there) plus those API Gateway adds, the query string
     * parameters, no stage variables, and of the request context the stage, request id, API id and source
     * IP. The class has no multi-value maps, nor the WebSocket context's {@code routeKey},
     * {@code eventType}, {@code connectionId} or {@code domainName}, so a Java authorizer never sees them,
     * here as in AWS.
     */
    APIGatewayCustomAuthorizerEvent authorizer(LocalConnection connection, HttpHeaders requestHeaders, String uri,
                                               String requestId, String traceId) {
        APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
        event.setType("REQUEST");
        event.setMethodArn(connectMethodArn());
        event.setHeaders(lastValues(headers(connection, requestHeaders, true, traceId)));
        Map<String, List<String>> multiQuery = query(uri);
        if (!multiQuery.isEmpty()) {
            event.setQueryStringParameters(lastValues(multiQuery));
        }
        event.setStageVariables(new LinkedHashMap<>());
        APIGatewayCustomAuthorizerEvent.RequestContext context = new APIGatewayCustomAuthorizerEvent.RequestContext();
        context.setStage(stage);
        context.setRequestId(requestId);
        context.setApiId(apiId);
        APIGatewayCustomAuthorizerEvent.Identity identity = new APIGatewayCustomAuthorizerEvent.Identity();
        identity.setSourceIp(connection.sourceIp());
        context.setIdentity(identity);
        event.setRequestContext(context);
        return event;
    }

    /** {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/$connect}, what the authorizer's policy must allow. */
    String connectMethodArn() {
        return "arn:aws:execute-api:" + AwsIds.REGION + ":" + AwsIds.ACCOUNT_ID + ":" + apiId + "/" + stage + "/$connect";
    }

    private static Map<String, List<String>> headers(LocalConnection connection, HttpHeaders requestHeaders,
                                                     boolean hopByHop, String traceId) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : requestHeaders) {
            String name = header.getKey();
            if (!hopByHop && (HttpHeaderNames.CONNECTION.contentEqualsIgnoreCase(name)
                    || HttpHeaderNames.UPGRADE.contentEqualsIgnoreCase(name))) {
                continue;
            }
            multi.computeIfAbsent(name, key -> new ArrayList<>()).add(header.getValue());
        }
        addIfAbsent(multi, "X-Amzn-Trace-Id", traceId);
        addIfAbsent(multi, "X-Forwarded-For", connection.sourceIp());
        addIfAbsent(multi, "X-Forwarded-Port", portOf(connection.domainName()));
        addIfAbsent(multi, "X-Forwarded-Proto", "http");
        return multi;
    }

    private static Map<String, List<String>> query(String uri) {
        Map<String, List<String>> multiQuery = new LinkedHashMap<>();
        new QueryStringDecoder(uri).parameters().forEach((name, values) -> multiQuery.put(name, new ArrayList<>(values)));
        return multiQuery;
    }

    /** A MESSAGE event for the given route; binary payloads come base64-encoded. */
    APIGatewayV2WebSocketEvent message(LocalConnection connection, String routeKey, String body, boolean base64,
                                       String requestId, long now) {
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        APIGatewayV2WebSocketEvent.RequestContext context = context(connection, routeKey, MESSAGE, requestId, now);
        context.setMessageId(ids.newId());
        event.setRequestContext(context);
        event.setBody(body);
        event.setIsBase64Encoded(base64);
        return event;
    }

    /** The {@code $disconnect} event, with the headers API Gateway sends there (mostly empty). */
    APIGatewayV2WebSocketEvent disconnect(LocalConnection connection, String requestId, long now) {
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        Map<String, List<String>> multi = new LinkedHashMap<>();
        multi.put("Host", new ArrayList<>(List.of(connection.domainName())));
        multi.put("x-api-key", new ArrayList<>(List.of("")));
        multi.put("X-Forwarded-For", new ArrayList<>(List.of("")));
        multi.put("x-restapi", new ArrayList<>(List.of("")));
        event.setHeaders(lastValues(multi));
        event.setMultiValueHeaders(multi);
        event.setRequestContext(context(connection, "$disconnect", DISCONNECT, requestId, now));
        event.setIsBase64Encoded(false);
        return event;
    }

    private APIGatewayV2WebSocketEvent.RequestContext context(LocalConnection connection, String routeKey,
                                                              String eventType, String requestId, long now) {
        APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setRouteKey(routeKey);
        context.setEventType(eventType);
        context.setExtendedRequestId(requestId);
        context.setRequestTime(AwsTimes.requestTime(now));
        context.setMessageDirection("IN");
        context.setStage(stage);
        context.setConnectedAt(connection.connectedAt());
        context.setRequestTimeEpoch(now);
        APIGatewayV2WebSocketEvent.RequestIdentity identity = new APIGatewayV2WebSocketEvent.RequestIdentity();
        identity.setSourceIp(connection.sourceIp());
        identity.setUserAgent(connection.userAgent());
        context.setIdentity(identity);
        context.setRequestId(requestId);
        context.setDomainName(connection.domainName());
        context.setConnectionId(connection.id());
        context.setApiId(apiId);
        Map<String, Object> authorizer = connection.authorizer();
        if (authorizer != null) {
            // a copy per event: a handler may change its own
            context.setAuthorizer(new LinkedHashMap<>(authorizer));
        }
        return context;
    }

    private static void addIfAbsent(Map<String, List<String>> headers, String name, String value) {
        boolean present = headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
        if (!present) {
            headers.put(name, new ArrayList<>(List.of(value)));
        }
    }

    private static Map<String, String> lastValues(Map<String, List<String>> multi) {
        Map<String, String> single = new LinkedHashMap<>();
        multi.forEach((name, values) -> single.put(name, values.get(values.size() - 1)));
        return single;
    }

    private static String portOf(String domainName) {
        return domainName.substring(domainName.lastIndexOf(':') + 1);
    }
}
