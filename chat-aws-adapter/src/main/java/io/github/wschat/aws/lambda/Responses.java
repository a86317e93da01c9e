package io.github.wschat.aws.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

/** The few responses the adapter gives. */
final class Responses {

    private Responses() {
    }

    static APIGatewayV2WebSocketResponse ok(String body) {
        return response(200, body);
    }

    static APIGatewayV2WebSocketResponse badRequest(String body) {
        return response(400, body);
    }

    static APIGatewayV2WebSocketResponse internalError() {
        return response(500, "{\"error\":\"internal error\"}");
    }

    private static APIGatewayV2WebSocketResponse response(int status, String body) {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(status);
        response.setBody(body);
        return response;
    }
}
