package io.github.wschat.local.runner;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.wschat.web.ChatWebResources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The chat page of chat-web on loopback, beside the local chat: the files {@link ChatWebResources} lists, read
 * from its jar once at start, each at {@code /} + its name ({@code /} is {@code index.html}), and the page's
 * {@code /config.json}, {@code {"webSocketUrl": <the local WebSocket API>, "devTokenUrl": <the development
 * issuer's token endpoint>}} ({@code devTokenUrl} only with {@code CHAT_AUTH=dev}: without it the page signs in
 * anonymously, or with a token pasted or fetched from a URL).
 *
 * <p>Only those paths are answered, compared whole with the request's raw path, so nothing else of the class
 * path or the disk is reachable whatever the path holds ({@code ..}, {@code %2e}, {@code //}): anything else is
 * 404, a method other than {@code GET} 405. Every answer is {@code Cache-Control: no-store} (a
 * page rebuilt is the page seen, and {@code config.json} changes with the ports) and
 * {@code X-Content-Type-Options: nosniff}. The JDK's HTTP server, as {@code LoopbackIssuer}'s: a development
 * tool's handful of files on 127.0.0.1, not a server of the library.
 *
 * <pre>{@code
 * try (LocalWebPage page = LocalWebPage.start(0, chat.webSocketUri(), Optional.empty())) {
 *     URI open = page.uri();                                  // http://127.0.0.1:PORT/
 * }
 * }</pre>
 */
final class LocalWebPage implements AutoCloseable {

    /** The page's port setting; by default the chat's port + 2 (a free port when that is 0). */
    static final String CHAT_WEB_PORT = "CHAT_WEB_PORT";
    static final String CONFIG_CONTENT_TYPE = "application/json; charset=utf-8";

    private final HttpServer server;
    private final Map<String, Content> contents;
    private final URI uri;

    private record Content(String type, byte[] body) {
    }

    private LocalWebPage(HttpServer server, Map<String, Content> contents) {
        this.server = server;
        this.contents = contents;
        this.uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /**
     * Serves the page on {@code port} of 127.0.0.1 ({@code 0}: a free one), its {@code config.json} naming
     * {@code webSocketUrl} and, when present, {@code devTokenUrl}.
     *
     * @throws UncheckedIOException if the port cannot be bound or a file of the page is not on the class path
     */
    static LocalWebPage start(int port, URI webSocketUrl, Optional<URI> devTokenUrl) {
        Map<String, Content> contents = new LinkedHashMap<>();
        for (String file : ChatWebResources.files()) {
            try (InputStream in = ChatWebResources.open(file)) {
                contents.put("/" + file, new Content(ChatWebResources.contentType(file), in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " of the chat page", e);
            }
        }
        contents.put("/", contents.get("/" + ChatWebResources.INDEX));
        contents.put("/" + ChatWebResources.CONFIG, new Content(CONFIG_CONTENT_TYPE, config(webSocketUrl, devTokenUrl)));
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the chat page to port " + port + " (set " + CHAT_WEB_PORT + ")", e);
        }
        LocalWebPage page = new LocalWebPage(server, Map.copyOf(contents));
        server.createContext("/", page::serve);
        server.start();
        return page;
    }

    /** {@code http://127.0.0.1:PORT/}: the page. */
    URI uri() {
        return uri;
    }

    /**
     * The page's port: {@code CHAT_WEB_PORT}, else the chat's port + 2 (a free port when that is 0).
     *
     * @throws IllegalArgumentException if {@code CHAT_WEB_PORT} is not a port number (0 to 65535)
     */
    static int port(Map<String, String> environment, int chatPort) {
        return PortSetting.of(environment, CHAT_WEB_PORT, chatPort, 2, "the chat page's port");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static byte[] config(URI webSocketUrl, Optional<URI> devTokenUrl) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("webSocketUrl", webSocketUrl.toString());
        devTokenUrl.ifPresent(url -> config.put("devTokenUrl", url.toString()));
        try {
            return JSON.std.asBytes(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write config.json", e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                respond(exchange, 405, text("only GET"));
                return;
            }
            // the raw path, neither decoded nor normalized: only the names of the page match
            Content content = contents.get(exchange.getRequestURI().getRawPath());
            respond(exchange, content == null ? 404 : 200, content == null ? text("not a file of the chat page") : content);
        }
    }

    private static void respond(HttpExchange exchange, int status, Content content) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", content.type());
        exchange.sendResponseHeaders(status, content.body().length);
        exchange.getResponseBody().write(content.body());
    }

    private static Content text(String text) {
        return new Content("text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }
}
