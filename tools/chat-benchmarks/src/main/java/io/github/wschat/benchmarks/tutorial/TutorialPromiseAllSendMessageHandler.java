package io.github.wschat.benchmarks.tutorial;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Baseline (b′): the same port as {@link TutorialSendMessageHandler}, with the sample's real concurrency:
 * {@code connectionData.Items.map(async …)} then {@code await Promise.all(postCalls)} starts every post at
 * once, with no bound of its own. Here: the SDK's asynchronous client (its default HTTP client,
 * netty-nio-client, which queues what its connection pool cannot take yet) and
 * {@link CompletableFuture#allOf}. Same single Scan, same {@code data} field, same wrong id deleted on 410.
 */
public final class TutorialPromiseAllSendMessageHandler
        implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final DynamoDbClient ddb = DynamoDbClient.create();
    private final String tableName = System.getenv("TABLE_NAME");

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        ScanResponse connectionData;
        try {
            connectionData = ddb.scan(scan -> scan.tableName(tableName).projectionExpression("connectionId"));
        } catch (RuntimeException e) {
            return TutorialSendMessageHandler.response(500, TutorialSendMessageHandler.stackOf(e));
        }
        String postData = TutorialSendMessageHandler.dataOf(event.getBody());
        try (ApiGatewayManagementApiAsyncClient apigwManagementApi = ApiGatewayManagementApiAsyncClient.builder()
                .endpointOverride(TutorialEndpoint.of(event))
                .build()) {
            List<CompletableFuture<Void>> postCalls = connectionData.items().stream()
                    .map(item -> post(apigwManagementApi, item.get("connectionId").s(), postData, event))
                    .toList();
            CompletableFuture.allOf(postCalls.toArray(new CompletableFuture<?>[0])).join();
        } catch (CompletionException e) {
            return TutorialSendMessageHandler.response(500, TutorialSendMessageHandler.stackOf(e.getCause()));
        } catch (RuntimeException e) {
            return TutorialSendMessageHandler.response(500, TutorialSendMessageHandler.stackOf(e));
        }
        return TutorialSendMessageHandler.response(200, "Data sent.");
    }

    private CompletableFuture<Void> post(ApiGatewayManagementApiAsyncClient api, String connectionId, String postData,
                                      APIGatewayV2WebSocketEvent event) {
        return api.postToConnection(post -> post.connectionId(connectionId).data(SdkBytes.fromUtf8String(postData)))
                .handle((response, error) -> {
                    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                    if (cause == null) {
                        return (Void) null;
                    }
                    if (cause instanceof GoneException) {
                        // the sample's key: the caller's id, not the gone connection's
                        ddb.deleteItem(delete -> delete.tableName(tableName).key(Map.of("connectionId",
                                AttributeValue.fromS(event.getRequestContext().getConnectionId()))));
                        return null;
                    }
                    throw new CompletionException(cause);
                });
    }
}
