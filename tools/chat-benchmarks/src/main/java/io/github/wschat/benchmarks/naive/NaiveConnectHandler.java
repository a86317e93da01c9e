package io.github.wschat.benchmarks.naive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

import java.time.Instant;

/** Naive {@code $connect}: puts the connection's item (same attributes as this project's) through the enhanced client. */
public final class NaiveConnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    // clients in static fields, made when Lambda loads the class, as most examples do
    private static final DynamoDbTable<ConnectionItem> TABLE = NaiveChat.TABLE;

    private static final long TTL_SECONDS = 2 * 3600 + 15 * 60;

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        APIGatewayV2WebSocketEvent.RequestContext request = event.getRequestContext();
        Instant now = Instant.now();
        ConnectionItem item = new ConnectionItem();
        item.setConnectionId(request.getConnectionId());
        item.setConnectedAt(now.toEpochMilli());
        item.setTtl(now.getEpochSecond() + TTL_SECONDS);
        if (request.getIdentity() != null) {
            item.setSourceIp(request.getIdentity().getSourceIp());
            item.setUserAgent(request.getIdentity().getUserAgent());
        }
        try {
            TABLE.putItem(item);
        } catch (RuntimeException e) {
            return NaiveManagement.response(500, "Failed to connect");
        }
        return NaiveManagement.response(200, "Connected.");
    }
}
