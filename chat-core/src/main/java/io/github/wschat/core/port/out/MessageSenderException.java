package io.github.wschat.core.port.out;

/** The {@link MessageSender} could not answer a question about a connection (unreachable, forbidden). */
public class MessageSenderException extends ChatInfrastructureException {

    private static final long serialVersionUID = 1L;

    public MessageSenderException(String message, Throwable cause) {
        super(message, cause);
    }

    public MessageSenderException(String message) {
        super(message);
    }
}
