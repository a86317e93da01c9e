package io.github.wschat.benchmarks.tutorial;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;

import java.net.URI;

/**
 * The {@code @connections} endpoint the sample builds, {@code https://{domainName}/{stage}} of the event,
 * unless the SDK's standard setting for it is present ({@code aws.endpointUrlApiGatewayManagementApi} or
 * {@code AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI}): the one change that lets the port reach the plain-HTTP
 * local gateway. The project's handlers honour the same setting.
 */
final class TutorialEndpoint {

    private TutorialEndpoint() {
    }

    static URI of(APIGatewayV2WebSocketEvent event) {
        String configured = System.getProperty("aws.endpointUrlApiGatewayManagementApi",
                System.getenv("AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI"));
        if (configured != null && !configured.isBlank()) {
            return URI.create(configured);
        }
        return URI.create("https://" + event.getRequestContext().getDomainName() + "/" + event.getRequestContext().getStage());
    }
}
