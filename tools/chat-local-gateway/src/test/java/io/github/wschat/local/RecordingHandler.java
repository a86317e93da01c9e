package io.github.wschat.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.github.wschat.testkit.websocket.WebSocketTestClient;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * A Lambda handler for tests: records every event and its context, answers what it is told to.
 */
final class RecordingHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    /** One recorded invocation. */
    record Call(APIGatewayV2WebSocketEvent event, String awsRequestId, String functionName, int remainingMillis,
                String threadName) {
    }

    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final BiFunction<APIGatewayV2WebSocketEvent, Context, APIGatewayV2WebSocketResponse> behaviour;

    private RecordingHandler(BiFunction<APIGatewayV2WebSocketEvent, Context, APIGatewayV2WebSocketResponse> behaviour) {
        this.behaviour = behaviour;
    }

    /** Answers 200 with no body. */
    static RecordingHandler ok() {
        return answering(200, null);
    }

    static RecordingHandler answering(int status, String body) {
        return new RecordingHandler((event, context) -> response(status, body));
    }

    /** Answers 200 with the body it received, prefixed. */
    static RecordingHandler echoing(String prefix) {
        return new RecordingHandler((event, context) -> response(200, prefix + event.getBody()));
    }

    static RecordingHandler throwing() {
        return new RecordingHandler((event, context) -> {
            throw new IllegalStateException("handler failure for tests");
        });
    }

    static RecordingHandler with(BiFunction<APIGatewayV2WebSocketEvent, Context, APIGatewayV2WebSocketResponse> behaviour) {
        return new RecordingHandler(behaviour);
    }

    static APIGatewayV2WebSocketResponse response(int status, String body) {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(status);
        response.setBody(body);
        return response;
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        calls.add(new Call(event, context.getAwsRequestId(), context.getFunctionName(),
                context.getRemainingTimeInMillis(), Thread.currentThread().getName()));
        return behaviour.apply(event, context);
    }

    /** The next invocation; fails after the wait. */
    Call nextCall() throws InterruptedException {
        Call call = calls.poll(WebSocketTestClient.DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (call == null) {
            throw new AssertionError("handler not invoked within " + WebSocketTestClient.DEFAULT_TIMEOUT);
        }
        return call;
    }

    APIGatewayV2WebSocketEvent next() throws InterruptedException {
        return nextCall().event();
    }

    /** The next invocation for the given connection, skipping others'. */
    APIGatewayV2WebSocketEvent nextFor(String connectionId) throws InterruptedException {
        while (true) {
            APIGatewayV2WebSocketEvent event = next();
            if (connectionId.equals(event.getRequestContext().getConnectionId())) {
                return event;
            }
        }
    }

    int callCount() {
        return calls.size();
    }
}
