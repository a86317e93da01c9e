package io.github.wschat.core.port.out;

/** The {@link MessageLog} could not do what was asked (unreachable, throttled, misconfigured). */
public class MessageLogException extends ChatInfrastructureException {

    private static final long serialVersionUID = 1L;

    public MessageLogException(String message, Throwable cause) {
        super(message, cause);
    }

    public MessageLogException(String message) {
        super(message);
    }
}
