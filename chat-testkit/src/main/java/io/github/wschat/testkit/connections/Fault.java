package io.github.wschat.testkit.connections;

import java.time.Duration;
import java.util.Objects;

/**
 * What the {@code @connections} API does with one call instead of its usual answer: answers an error as
 * API Gateway sends it (status, {@code x-amzn-ErrorType} header, JSON body, so that the AWS SDK throws the
 * same modeled exception as in AWS), answers a {@code GET} with another body, or gives its usual answer
 * late. Scripted per connection or for a share of all calls with {@link Faults}.
 *
 * <pre>{@code
 * faults.next(id, Fault.LIMIT_EXCEEDED);                    // the next call for id gets 429
 * faults.always(id, Fault.error(500));                      // then every call 500
 * faults.next(id, Fault.delayed(Duration.ofMillis(400)));   // the usual answer, 400 ms late
 * faults.next(id, Fault.bareError(410));                    // 410 without x-amzn-ErrorType, as a proxy might send it
 * }</pre>
 *
 * @param status    the HTTP status: 200 for the usual answer (late or with {@code body}), 400 to 599 for an error
 * @param errorType the {@code x-amzn-ErrorType} value, the error code the SDK reads; {@code null} for none
 * @param body      the JSON body of an error, or of a {@code GET}'s 200 in place of the connection's
 *                  description; {@code null} for the usual one
 * @param delay     how long the call waits before it is answered
 */
public record Fault(int status, String errorType, String body, Duration delay) {

    /** 429 {@code LimitExceededException}: the account throttle, or the client's buffer is full. Retryable. */
    public static final Fault LIMIT_EXCEEDED = error(429);

    /** 500 {@code InternalServerErrorException}: a service-side failure. Retryable. */
    public static final Fault INTERNAL_SERVER_ERROR = error(500);

    /** 410 {@code GoneException} with body {@code {"message":null}}, as for a connection that no longer exists. */
    public static final Fault GONE = error(410);

    public Fault {
        if (status != 200 && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("status must be 200 or an error (400 to 599): " + status);
        }
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay is negative: " + delay);
        }
    }

    /** An error as API Gateway sends it: the error type and body of the status (see {@link #errorTypeOf}). */
    public static Fault error(int status) {
        return new Fault(status, errorTypeOf(status), bodyOf(status), Duration.ZERO);
    }

    /** An error without {@code x-amzn-ErrorType}, as a proxy in between might send it: the SDK sees only the status. */
    public static Fault bareError(int status) {
        return new Fault(status, null, "{\"message\":\"Error " + status + "\"}", Duration.ZERO);
    }

    /** 200 with this body for a {@code GET} in place of the connection's description (other methods: the usual answer). */
    public static Fault body(String body) {
        return new Fault(200, null, Objects.requireNonNull(body, "body"), Duration.ZERO);
    }

    /** The usual answer, after {@code delay}. */
    public static Fault delayed(Duration delay) {
        return new Fault(200, null, null, delay);
    }

    /** This fault, answered after {@code delay} (instead of its own delay). */
    public Fault delayedBy(Duration delay) {
        return new Fault(status, errorType, body, delay);
    }

    /** Whether this answers an error instead of the usual answer. */
    public boolean isError() {
        return status != 200;
    }

    /**
     * API Gateway's error type of a status: 400 {@code BadRequestException}, 403 {@code ForbiddenException},
     * 410 {@code GoneException}, 413 {@code PayloadTooLargeException}, 429 {@code LimitExceededException},
     * 500 {@code InternalServerErrorException}, 503 {@code ServiceUnavailableException}; any other
     * {@code BadRequestException}.
     */
    public static String errorTypeOf(int status) {
        return switch (status) {
            case 403 -> "ForbiddenException";
            case 410 -> "GoneException";
            case 413 -> "PayloadTooLargeException";
            case 429 -> "LimitExceededException";
            case 500 -> "InternalServerErrorException";
            case 503 -> "ServiceUnavailableException";
            default -> "BadRequestException";
        };
    }

    private static String bodyOf(int status) {
        String message = switch (status) {
            case 400 -> "\"Bad Request\"";
            case 403 -> "\"Forbidden\"";
            case 410 -> "null";
            case 413 -> "\"Request entity too large\"";
            case 429 -> "\"Too Many Requests\"";
            case 500 -> "\"Internal server error\"";
            case 503 -> "\"Service Unavailable\"";
            default -> "\"Error " + status + "\"";
        };
        return "{\"message\":" + message + "}";
    }
}
