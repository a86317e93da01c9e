package io.github.wschat.benchmarks.naive;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The naive handlers' management API clients, SDK defaults, one per endpoint, made on its first use and kept;
 * and their responses.
 */
final class NaiveManagement {

    private static final Map<URI, ApiGatewayManagementApiClient> CLIENTS = new ConcurrentHashMap<>();

    private NaiveManagement() {
    }

    /**
     * The management API client of the event's stage, {@code https://{domainName}/{stage}}, or of the SDK's
     * standard endpoint setting when it is present (to reach the local gateway).
     */
    static ApiGatewayManagementApiClient management(APIGatewayV2WebSocketEvent event) {
        String configured = System.getProperty("aws.endpointUrlApiGatewayManagementApi",
                System.getenv("AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI"));
        URI endpoint = configured != null && !configured.isBlank() ? URI.create(configured)
                : URI.create("https://" + event.getRequestContext().getDomainName() + "/" + event.getRequestContext().getStage());
        return CLIENTS.computeIfAbsent(endpoint,
                uri -> ApiGatewayManagementApiClient.builder().endpointOverride(uri).build());
    }

    static APIGatewayV2WebSocketResponse response(int status, String body) {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(status);
        response.setBody(body);
        return response;
    }
}
