package io.github.wschat.core.domain;

import java.util.Objects;

/**
 * What happened to one message sent to one connection. A gone connection is an expected outcome,
 * not an error: API Gateway answers 410 for connections that closed without {@code $disconnect}.
 *
 * @param status what happened
 * @param reason why it failed; empty unless {@link Status#FAILED}
 */
public record DeliveryOutcome(Status status, String reason) {

    /** The three ways a delivery ends. */
    public enum Status {
        /** The gateway accepted the message for the connection. */
        DELIVERED,
        /** The connection no longer exists; it should be removed from the store. */
        GONE,
        /** The message could not be delivered for another reason (throttled, too large, forbidden, I/O). */
        FAILED
    }

    private static final DeliveryOutcome DELIVERED = new DeliveryOutcome(Status.DELIVERED, "");
    private static final DeliveryOutcome GONE = new DeliveryOutcome(Status.GONE, "");

    public DeliveryOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        if (status == Status.FAILED && reason.isBlank()) {
            throw new IllegalArgumentException("a failed delivery must give a reason");
        }
    }

    public static DeliveryOutcome delivered() {
        return DELIVERED;
    }

    public static DeliveryOutcome gone() {
        return GONE;
    }

    public static DeliveryOutcome failed(String reason) {
        return new DeliveryOutcome(Status.FAILED, reason);
    }

    public boolean isDelivered() {
        return status == Status.DELIVERED;
    }

    public boolean isGone() {
        return status == Status.GONE;
    }

    public boolean isFailed() {
        return status == Status.FAILED;
    }
}
