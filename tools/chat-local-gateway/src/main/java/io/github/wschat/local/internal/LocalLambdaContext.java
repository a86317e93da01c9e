package io.github.wschat.local.internal;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * The Lambda {@link Context} of one local invocation: a fresh request id, the route's function name, and
 * the time left before the integration timeout. {@link #getLogger()} writes to slf4j, logger
 * {@code io.github.wschat.local.lambda.<function name>}.
 */
final class LocalLambdaContext implements Context {

    private static final int MEMORY_LIMIT_MB = 512;

    private final String awsRequestId;
    private final String functionName;
    private final long deadlineNanos;
    private final LambdaLogger logger;

    LocalLambdaContext(String awsRequestId, String functionName, long deadlineNanos) {
        this.awsRequestId = awsRequestId;
        this.functionName = functionName;
        this.deadlineNanos = deadlineNanos;
        this.logger = new Slf4jLambdaLogger(LoggerFactory.getLogger("io.github.wschat.local.lambda." + functionName));
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local/[$LATEST]" + awsRequestId.replace("-", "");
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + AwsIds.REGION + ":" + AwsIds.ACCOUNT_ID + ":function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
    }

    @Override
    public int getMemoryLimitInMB() {
        return MEMORY_LIMIT_MB;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    private static final class Slf4jLambdaLogger implements LambdaLogger {

        private final Logger log;

        Slf4jLambdaLogger(Logger log) {
            this.log = log;
        }

        @Override
        public void log(String message) {
            log.info("{}", message == null ? null : message.stripTrailing());
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
