package io.github.wschat.benchmarks.tutorial;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Baseline (b): a line-by-line Java port of the AWS sample's {@code sendmessage} function
 * ({@code aws-samples/simple-websockets-chat-app}, {@code sendmessage/app.js}), with the posts made one after
 * another on the synchronous {@link ApiGatewayManagementApiClient}, the way a straightforward Java port
 * with the SDK's sync client reads. What it ports, defects included:
 * <ul>
 *   <li>clients as the sample makes them: the DynamoDB client once per container with the SDK's defaults
 *       (default HTTP client), the management API client on every invocation for
 *       {@code https://{domainName}/{stage}} (see {@link TutorialEndpoint});</li>
 *   <li><b>one</b> {@code Scan} with {@code ProjectionExpression: connectionId}, no {@code LastEvaluatedKey}
 *       loop: past DynamoDB's 1 MB per call, connections get nothing;</li>
 *   <li>{@code JSON.parse(event.body).data}: the text is the body's {@code data} field, and a body that is
 *       not JSON throws out of the handler;</li>
 *   <li>a {@code PostToConnection} to <em>every</em> item, the sender included;</li>
 *   <li>on 410 it deletes the item of {@code event.requestContext.connectionId}, the <em>sender</em>, not the
 *       gone connection (the sample's bug); any other error ends the invocation with 500 and the stack.</li>
 * </ul>
 * Deviations, both for running it here: the SDK's standard endpoint setting wins over the event's domain
 * (the local gateway is plain HTTP), and the per-invocation management client is closed at the end (Node
 * lets it be collected; an unclosed Java client keeps its connection pool).
 */
public final class TutorialSendMessageHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();

    // module scope in the sample: const ddb = new DynamoDBClient(...); const { TABLE_NAME } = process.env;
    private final DynamoDbClient ddb = DynamoDbClient.create();
    private final String tableName = System.getenv("TABLE_NAME");

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        ScanResponse connectionData;
        try {
            connectionData = ddb.scan(scan -> scan.tableName(tableName).projectionExpression("connectionId"));
        } catch (RuntimeException e) {
            return response(500, stackOf(e));
        }
        String postData = dataOf(event.getBody());
        try (ApiGatewayManagementApiClient apigwManagementApi = ApiGatewayManagementApiClient.builder()
                .endpointOverride(TutorialEndpoint.of(event))
                .build()) {
            for (Map<String, AttributeValue> item : connectionData.items()) {
                String connectionId = item.get("connectionId").s();
                try {
                    apigwManagementApi.postToConnection(post -> post.connectionId(connectionId)
                            .data(SdkBytes.fromUtf8String(postData)));
                } catch (GoneException e) {
                    // the sample's key: the caller's id, not the gone connection's
                    ddb.deleteItem(delete -> delete.tableName(tableName).key(Map.of("connectionId",
                            AttributeValue.fromS(event.getRequestContext().getConnectionId()))));
                }
            }
        } catch (RuntimeException e) {
            return response(500, stackOf(e));
        }
        return response(200, "Data sent.");
    }

    /** {@code JSON.parse(event.body).data}: throws for a body that is not JSON, as the sample does. */
    static String dataOf(String body) {
        try {
            return JSON.readTree(body).get("data").asText();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static APIGatewayV2WebSocketResponse response(int status, String body) {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(status);
        response.setBody(body);
        return response;
    }

    static String stackOf(Throwable error) {
        StringWriter stack = new StringWriter();
        error.printStackTrace(new PrintWriter(stack));
        return stack.toString();
    }
}
