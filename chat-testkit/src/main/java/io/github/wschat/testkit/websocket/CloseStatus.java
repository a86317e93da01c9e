package io.github.wschat.testkit.websocket;

import java.util.Objects;

/**
 * How a WebSocket connection ended, as its client saw it: the status code and reason of the close frame
 * it received (RFC 6455 §7.1.5), or {@link #ABNORMAL_CLOSURE} when the connection ended without one.
 *
 * @param code   the close status code, 1000 to 4999, or 1005 / 1006 for the cases that have no frame
 * @param reason the close reason, empty if the frame had none
 */
public record CloseStatus(int code, String reason) {

    /** A normal close: the purpose of the connection is fulfilled. */
    public static final int NORMAL_CLOSURE = 1000;

    /** A close frame without a status code. Never sent on the wire: only what a client reports. */
    public static final int NO_STATUS_RECEIVED = 1005;

    /** The connection ended without a close frame (reset, dropped, aborted). Never sent on the wire. */
    public static final int ABNORMAL_CLOSURE = 1006;

    /** Checks the code's range; a null reason becomes empty. */
    public CloseStatus {
        if (code < 1000 || code > 4999) {
            throw new IllegalArgumentException("a close status code is between 1000 and 4999, was " + code);
        }
        reason = Objects.requireNonNullElse(reason, "");
    }

    /** The status of a connection that ended without a close frame; {@code why} says what ended it. */
    public static CloseStatus abnormal(String why) {
        return new CloseStatus(ABNORMAL_CLOSURE, why);
    }
}
