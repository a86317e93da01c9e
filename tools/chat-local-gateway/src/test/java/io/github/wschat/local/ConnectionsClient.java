package io.github.wschat.local;

import io.github.wschat.testkit.websocket.WebSocketTestClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Calls the {@code @connections} API over plain HTTP with the JDK client (the way the real functions do
 * it through the SDK, minus the signature). {@link #rawRequest} writes a request line by hand on a socket,
 * for paths an HTTP client would normalise.
 */
final class ConnectionsClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(WebSocketTestClient.DEFAULT_TIMEOUT)
            .build();

    private final URI endpoint;

    ConnectionsClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    HttpResponse<String> post(String connectionId, String data) throws Exception {
        return send(HttpRequest.newBuilder(uri(connectionId))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261125/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000")
                .POST(HttpRequest.BodyPublishers.ofString(data)));
    }

    HttpResponse<String> get(String connectionId) throws Exception {
        return send(HttpRequest.newBuilder(uri(connectionId)).GET());
    }

    HttpResponse<String> delete(String connectionId) throws Exception {
        return send(HttpRequest.newBuilder(uri(connectionId)).DELETE());
    }

    /** A call on a path relative to the host, sent as is. */
    HttpResponse<String> onPath(String method, String rawPath) throws Exception {
        URI uri = URI.create("http://" + endpoint.getHost() + ":" + endpoint.getPort() + rawPath);
        return send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.ofString("x")));
    }

    /** Writes {@code <method> <rawPath> HTTP/1.1} on a socket and returns the status line and headers. */
    String rawRequest(String method, String rawPath) throws Exception {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout((int) WebSocketTestClient.DEFAULT_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            String request = method + " " + rawPath + " HTTP/1.1\r\nHost: " + endpoint.getHost() + ":"
                    + endpoint.getPort() + "\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    URI uri(String connectionId) {
        // as the AWS SDK does: the id is a path label, percent-encoded (= becomes %3D)
        String encoded = URLEncoder.encode(connectionId, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(endpoint + "/@connections/" + encoded);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(WebSocketTestClient.DEFAULT_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }
}
