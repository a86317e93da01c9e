package io.github.wschat.local.internal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

/**
 * How one handler invocation ended.
 *
 * @param response       the handler's response, {@code null} if it failed or returned nothing
 * @param failure        what the handler threw, or the timeout, {@code null} if it returned
 * @param timedOut       whether it ran past the integration timeout
 * @param latencyMillis  the integration latency
 */
record Invocation(APIGatewayV2WebSocketResponse response, Throwable failure, boolean timedOut, long latencyMillis) {

    boolean failed() {
        return failure != null;
    }

    /**
     * The status API Gateway would see: 500 if the handler failed, 504 if it timed out, else the
     * response's status code; a response without one (none, or 0) counts as 200.
     */
    int status() {
        if (timedOut) {
            return 504;
        }
        if (failure != null) {
            return 500;
        }
        if (response == null || response.getStatusCode() == 0) {
            return 200;
        }
        return response.getStatusCode();
    }

    boolean isSuccessful() {
        int status = status();
        return status >= 200 && status < 300;
    }
}
