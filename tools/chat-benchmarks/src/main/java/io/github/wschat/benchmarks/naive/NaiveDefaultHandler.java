package io.github.wschat.benchmarks.naive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/** Naive {@code $default}: {@code GetConnection}, then the tutorial's answer rendered with Jackson databind. */
public final class NaiveDefaultHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        String connectionId = event.getRequestContext().getConnectionId();
        ApiGatewayManagementApiClient management = NaiveManagement.management(event);
        GetConnectionResponse connection = management.getConnection(get -> get.connectionId(connectionId));
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("SourceIp", connection.identity().sourceIp());
        identity.put("UserAgent", connection.identity().userAgent());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("ConnectedAt", connection.connectedAt().toString());
        info.put("Identity", identity);
        info.put("LastActiveAt", connection.lastActiveAt().toString());
        info.put("connectionID", connectionId);
        String answer;
        try {
            answer = "Use the sendmessage route to send a message. Your info:" + JSON.writeValueAsString(info);
        } catch (JsonProcessingException e) {
            return NaiveManagement.response(500, "cannot render the answer");
        }
        management.postToConnection(post -> post.connectionId(connectionId).data(SdkBytes.fromUtf8String(answer)));
        return NaiveManagement.response(200, "Sent.");
    }
}
