package io.github.wschat.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import io.github.wschat.testkit.websocket.WebSocketTestClient;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A Lambda REQUEST authorizer for tests: records every event and the function name its context reports,
 * answers what it is told to.
 */
final class RecordingAuthorizer implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> {

    /** One recorded invocation. */
    record Call(APIGatewayCustomAuthorizerEvent event, String functionName) {
    }

    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final Function<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> behaviour;

    private RecordingAuthorizer(Function<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> behaviour) {
        this.behaviour = behaviour;
    }

    /** Allows {@code execute-api:Invoke} on the event's own method ARN, with the given principal and context. */
    static RecordingAuthorizer allowing(String principalId, Map<String, Object> context) {
        return new RecordingAuthorizer(event -> answer(principalId, context,
                IamPolicyResponseV1.allowStatement(event.getMethodArn())));
    }

    /** Answers with these statements whatever the event. */
    static RecordingAuthorizer answering(IamPolicyResponseV1.Statement... statements) {
        return answering(answer("user-1", Map.of(), statements));
    }

    static RecordingAuthorizer answering(IamPolicyResponseV1 response) {
        return new RecordingAuthorizer(event -> response);
    }

    static RecordingAuthorizer throwing() {
        return new RecordingAuthorizer(event -> {
            throw new IllegalStateException("authorizer failure for tests");
        });
    }

    /** Blocks until {@code release} opens, then allows: past any short timeout. */
    static RecordingAuthorizer blockingUntil(CountDownLatch release) {
        return new RecordingAuthorizer(event -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answer("late", Map.of(), IamPolicyResponseV1.allowStatement(event.getMethodArn()));
        });
    }

    static IamPolicyResponseV1 answer(String principalId, Map<String, Object> context,
                                      IamPolicyResponseV1.Statement... statements) {
        return IamPolicyResponseV1.builder()
                .withPrincipalId(principalId)
                .withPolicyDocument(IamPolicyResponseV1.PolicyDocument.builder()
                        .withVersion(IamPolicyResponseV1.VERSION_2012_10_17)
                        .withStatement(List.of(statements))
                        .build())
                .withContext(context)
                .build();
    }

    static IamPolicyResponseV1.Statement statement(String effect, String action, String resource) {
        return IamPolicyResponseV1.Statement.builder()
                .withEffect(effect).withAction(action).withResource(List.of(resource)).build();
    }

    @Override
    public IamPolicyResponseV1 handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
        calls.add(new Call(event, context.getFunctionName()));
        return behaviour.apply(event);
    }

    /** The next invocation; fails after the wait. */
    Call nextCall() throws InterruptedException {
        Call call = calls.poll(WebSocketTestClient.DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (call == null) {
            throw new AssertionError("authorizer not invoked within " + WebSocketTestClient.DEFAULT_TIMEOUT);
        }
        return call;
    }

    int callCount() {
        return calls.size();
    }
}
