package io.github.wschat.benchmarks.naive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * Naive {@code sendmessage}: reads {@code message} with Jackson databind, scans every page through the
 * enhanced client, posts to every other connection one after another, deletes gone ones.
 */
public final class NaiveSendMessageHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    // clients in static fields, made when Lambda loads the class, as most examples do
    private static final DynamoDbTable<ConnectionItem> TABLE = NaiveChat.TABLE;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        String sender = event.getRequestContext().getConnectionId();
        JsonNode message;
        try {
            message = JSON.readTree(event.getBody()).get("message");
        } catch (JsonProcessingException e) {
            return NaiveManagement.response(400, "body is not JSON");
        }
        if (message == null || !message.isTextual()) {
            return NaiveManagement.response(400, "no message");
        }
        SdkBytes data = SdkBytes.fromUtf8String(message.asText());
        ApiGatewayManagementApiClient management = NaiveManagement.management(event);
        for (ConnectionItem item : TABLE.scan().items()) {
            if (item.getConnectionId().equals(sender)) {
                continue;
            }
            try {
                management.postToConnection(post -> post.connectionId(item.getConnectionId()).data(data));
            } catch (GoneException e) {
                TABLE.deleteItem(Key.builder().partitionValue(item.getConnectionId()).build());
            }
        }
        return NaiveManagement.response(200, "Data sent.");
    }
}
