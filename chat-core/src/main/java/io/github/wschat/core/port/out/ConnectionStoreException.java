package io.github.wschat.core.port.out;

/** The {@link ConnectionStore} could not do what was asked (unreachable, throttled, misconfigured). */
public class ConnectionStoreException extends ChatInfrastructureException {

    private static final long serialVersionUID = 1L;

    public ConnectionStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConnectionStoreException(String message) {
        super(message);
    }
}
