package io.github.wschat.core.port.in;

/** {@code $connect}: remember a new connection so that broadcasts reach it. */
public interface ConnectUseCase {

    /**
     * @throws io.github.wschat.core.port.out.ConnectionStoreException when the connection could not be
     *         stored; the gateway should then refuse the handshake (the tutorial answers 500)
     */
    ConnectResult connect(ConnectCommand command);
}
