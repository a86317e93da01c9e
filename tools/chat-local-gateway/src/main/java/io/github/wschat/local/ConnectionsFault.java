package io.github.wschat.local;

/**
 * An error the {@code @connections} management API can be told to answer with (see {@link FaultInjection}),
 * shaped as API Gateway sends it: status, {@code x-amzn-ErrorType} header and JSON body, so that the AWS SDK
 * maps it to the same exception as in AWS.
 */
public enum ConnectionsFault {

    /** 429 {@code LimitExceededException}: the account throttle, or the client's buffer is full. Retryable. */
    LIMIT_EXCEEDED(429, "LimitExceededException", "{\"message\":\"Too Many Requests\"}"),

    /** 500 {@code InternalServerErrorException}: a service-side failure. Retryable. */
    INTERNAL_SERVER_ERROR(500, "InternalServerErrorException", "{\"message\":\"Internal server error\"}"),

    /** 410 {@code GoneException}, as for a connection that no longer exists. Not retryable. */
    GONE(410, "GoneException", "{\"message\":null}");

    private final int status;
    private final String errorType;
    private final String body;

    ConnectionsFault(int status, String errorType, String body) {
        this.status = status;
        this.errorType = errorType;
        this.body = body;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The {@code x-amzn-ErrorType} header value, the error code the AWS SDK reads. */
    public String errorType() {
        return errorType;
    }

    /** The JSON body. */
    public String body() {
        return body;
    }
}
