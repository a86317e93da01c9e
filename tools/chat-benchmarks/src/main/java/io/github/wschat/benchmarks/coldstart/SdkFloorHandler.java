package io.github.wschat.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * The least a Java {@code $connect} handler can do with the SDK: a {@link DynamoDbClient} configured as AWS
 * recommends for Lambda (the url-connection client, the region of {@code AWS_REGION}, the
 * {@link EnvironmentVariableCredentialsProvider}; the endpoint the SDK reads from
 * {@code AWS_ENDPOINT_URL_DYNAMODB}) built by the constructor, and one {@code PutItem} of the connection id as
 * the first event. No JSON, no event adapter, no chat. The cold start benchmark runs it from this project's
 * artifact, so with the same jars: what is above it is this project's own cost.
 */
public final class SdkFloorHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final DynamoDbClient dynamoDb = DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(System.getenv("AWS_REGION")))
            .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
            .build();
    private final String tableName = System.getenv("TABLE_NAME");

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        dynamoDb.putItem(put -> put.tableName(tableName)
                .item(Map.of("connectionId", AttributeValue.fromS(event.getRequestContext().getConnectionId()))));
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(200);
        return response;
    }
}
