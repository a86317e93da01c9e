package io.github.wschat.core.port.out;

/**
 * An infrastructure failure behind a port (a database or network error), with the cause kept.
 * Expected outcomes, such as a gone connection, are values and never exceptions.
 */
public class ChatInfrastructureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ChatInfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }

    public ChatInfrastructureException(String message) {
        super(message);
    }
}
