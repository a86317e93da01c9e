package io.github.wschat.testkit.websocket;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A WebSocket client written on a plain socket (RFC 6455), for what a real client will not do: write a
 * frame of any size in one piece (the JDK's client cuts text into 16 KB frames), write frames of any opcode,
 * or drop the connection with a TCP reset and no close frame. For everything else use
 * {@link WebSocketTestClient}.
 *
 * <pre>{@code
 * try (RawWebSocketClient raw = RawWebSocketClient.connect(api.webSocketUri())) {
 *     assertThat(raw.handshakeResponse()).startsWith("HTTP/1.1 101");
 *     raw.sendTextFrame("x".repeat(40 * 1024));          // one frame, over a 32 KB frame limit
 *     assertThat(raw.awaitClose().code()).isEqualTo(1009);
 * }
 * }</pre>
 *
 * <p>The upgrade request sends RFC 6455's sample key ({@value #KEY}), so the accepted handshake carries the
 * sample accept value ({@value #ACCEPT}). Every read on the socket fails after the timeout. Not thread-safe.
 */
public final class RawWebSocketClient implements AutoCloseable {

    /** The {@code Sec-WebSocket-Key} of the upgrade request: the sample nonce of RFC 6455 §1.3. */
    public static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    /** The {@code Sec-WebSocket-Accept} a server answers to {@link #KEY}. */
    public static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    /** The opcode of a continuation frame. */
    public static final int OPCODE_CONTINUATION = 0x0;
    /** The opcode of a text frame. */
    public static final int OPCODE_TEXT = 0x1;
    /** The opcode of a binary frame. */
    public static final int OPCODE_BINARY = 0x2;
    /** The opcode of a close frame. */
    public static final int OPCODE_CLOSE = 0x8;

    private static final byte[] MASK = {0x11, 0x22, 0x33, 0x44};

    private final Socket socket;
    private final String handshakeResponse;

    private RawWebSocketClient(Socket socket, String handshakeResponse) {
        this.socket = socket;
        this.handshakeResponse = handshakeResponse;
    }

    /** Connects with {@link WebSocketTestClient#DEFAULT_TIMEOUT} as the socket's read timeout. */
    public static RawWebSocketClient connect(URI uri) throws IOException {
        return connect(uri, WebSocketTestClient.DEFAULT_TIMEOUT);
    }

    /**
     * Opens a socket to {@code uri}'s host and port, writes the upgrade request for its path and query and
     * reads the response head. It does not check the response: {@link #handshakeResponse()} has it.
     */
    public static RawWebSocketClient connect(URI uri, Duration timeout) throws IOException {
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        try {
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String request = "GET " + target + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new RawWebSocketClient(socket, readHead(socket.getInputStream()));
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The status line and headers the server answered to the upgrade request, up to the empty line. */
    public String handshakeResponse() {
        return handshakeResponse;
    }

    /** The socket beneath. */
    public Socket socket() {
        return socket;
    }

    /** Writes {@code text} as one final text frame of any length. */
    public void sendTextFrame(String text) throws IOException {
        sendFrame(true, OPCODE_TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code data} as one final binary frame. */
    public void sendBinaryFrame(byte[] data) throws IOException {
        sendFrame(true, OPCODE_BINARY, data);
    }

    /** Writes one frame, masked as a client must (RFC 6455 §5.2); no check of the opcode or the length. */
    public void sendFrame(boolean fin, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | (opcode & 0x0F));
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xFF);
            }
        }
        frame.write(MASK, 0, MASK.length);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ MASK[i % 4]);
        }
        OutputStream out = socket.getOutputStream();
        out.write(frame.toByteArray());
        out.flush();
    }

    /**
     * Reads frames, skipping all others, until the server's close frame, and returns its status; 1005 for a
     * close frame without a code. Fails with {@link EOFException} if the connection ends first, and with a
     * {@link java.net.SocketTimeoutException} after the timeout.
     */
    public CloseStatus awaitClose() throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0F;
            long length = in.readUnsignedByte() & 0x7F; // a server's frames are not masked
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[Math.toIntExact(length)];
            in.readFully(payload);
            if (opcode == OPCODE_CLOSE) {
                if (payload.length < 2) {
                    return new CloseStatus(CloseStatus.NO_STATUS_RECEIVED, "");
                }
                return new CloseStatus(((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF),
                        new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8));
            }
        }
    }

    /** Drops the connection with a TCP reset: no close frame, as when the network fails. */
    public void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** Closes the socket (a FIN, no close frame). */
    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed during the handshake: "
                        + head.toString(StandardCharsets.US_ASCII));
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
