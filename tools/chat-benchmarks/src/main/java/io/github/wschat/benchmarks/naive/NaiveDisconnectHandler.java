package io.github.wschat.benchmarks.naive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** Naive {@code $disconnect}: deletes the connection's item through the enhanced client. */
public final class NaiveDisconnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    // clients in static fields, made when Lambda loads the class, as most examples do
    private static final DynamoDbTable<ConnectionItem> TABLE = NaiveChat.TABLE;

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        TABLE.deleteItem(Key.builder().partitionValue(event.getRequestContext().getConnectionId()).build());
        return NaiveManagement.response(200, "Disconnected.");
    }
}
