package io.github.wschat.local.runner;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.web.ChatWebResources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chat page on loopback: each file of chat-web's jar at its name with its content type, {@code /} the page,
 * {@code config.json} the chat's URLs, nothing else (a path that climbs or is encoded included), never cached.
 */
class LocalWebPageTest {

    private static final URI WEB_SOCKET = URI.create("ws://127.0.0.1:8080/production");
    private static final URI DEV_TOKEN = URI.create("http://127.0.0.1:8081/dev/token");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private static LocalWebPage page;

    @BeforeAll
    static void start() {
        page = LocalWebPage.start(0, WEB_SOCKET, Optional.of(DEV_TOKEN));
    }

    @AfterAll
    static void stop() {
        page.close();
    }

    @Test
    void each_file_of_the_page_is_served_from_the_jar_at_its_name_with_its_content_type_and_never_cached() throws Exception {
        assertThat(page.uri().toString()).matches("http://127\\.0\\.0\\.1:\\d+/");
        for (String file : ChatWebResources.files()) {
            HttpResponse<byte[]> response = get("/" + file);

            assertThat(response.statusCode()).as(file).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(file).hasValue(ChatWebResources.contentType(file));
            assertThat(response.headers().firstValue("Cache-Control")).as(file).hasValue("no-store");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(file).hasValue("nosniff");
            try (InputStream jar = ChatWebResources.open(file)) {
                assertThat(response.body()).as(file).isEqualTo(jar.readAllBytes());
            }
        }
        assertThat(ChatWebResources.contentType("app.js")).as("what a module script needs").startsWith("text/javascript");
    }

    @Test
    void the_root_is_the_page() throws Exception {
        HttpResponse<byte[]> root = get("/");

        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(root.body()).isEqualTo(get("/" + ChatWebResources.INDEX).body());
    }

    @Test
    void config_json_names_the_web_socket_api_and_the_dev_token_endpoint_when_there_is_one() throws Exception {
        HttpResponse<byte[]> config = get("/config.json");

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(config.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(JSON.std.mapFrom(config.body())).isEqualTo(Map.of(
                "webSocketUrl", "ws://127.0.0.1:8080/production",
                "devTokenUrl", "http://127.0.0.1:8081/dev/token"));
        try (LocalWebPage anonymous = LocalWebPage.start(0, WEB_SOCKET, Optional.empty())) {
            HttpResponse<byte[]> without = HTTP.send(HttpRequest.newBuilder(anonymous.uri().resolve("/config.json")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(JSON.std.mapFrom(without.body())).as("without CHAT_AUTH=dev")
                    .isEqualTo(Map.of("webSocketUrl", "ws://127.0.0.1:8080/production"));
        }
    }

    @Test
    void any_other_path_is_404_and_any_other_method_405() throws Exception {
        for (String path : List.of("/favicon.ico", "/index.htm", "/app.js/", "/index.html.bak", "/Index.html",
                "/io/github/wschat/web/static/index.html", "/io/github/wschat/local/runner/LocalChat.class")) {
            HttpResponse<byte[]> response = get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        }
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(page.uri().resolve("/config.json"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void a_path_that_climbs_or_is_encoded_reaches_nothing() throws Exception {
        // sent as raw request lines: an HTTP client would normalize some of them before they leave
        for (String path : List.of("/../pom.xml", "/../../../../../../etc/passwd", "/%2e%2e/pom.xml", "/%2E%2E%2Fpom.xml",
                "/..%2fpom.xml", "/static/../index.html", "//index.html", "/./index.html", "/index%2ehtml",
                "/%69ndex.html", "/index.html%00", "/index.html?../../etc/passwd#", "\\..\\pom.xml",
                "/..\\..\\pom.xml", "/config.json/..", "/chat.css;.js")) {
            String answer = rawGet(path);

            if (path.startsWith("/index.html?")) {
                // the query is no part of the path: the page itself, not what the query names
                assertThat(answer).as(path).startsWith("HTTP/1.1 200 ").contains("<title>wschat</title>");
            } else {
                assertThat(answer).as(path).matches("(?s)HTTP/1\\.1 (404|400) .*").doesNotContain("root:").doesNotContain("<project");
            }
        }
    }

    @Test
    void the_port_is_chat_web_port_else_the_chats_plus_2_and_a_free_one_with_a_free_chat_port() {
        assertThat(LocalWebPage.port(Map.of(), 8080)).isEqualTo(8082);
        assertThat(LocalWebPage.port(Map.of(), 0)).isZero();
        assertThat(LocalWebPage.port(Map.of("CHAT_WEB_PORT", "9000"), 8080)).isEqualTo(9000);
        assertThat(LocalWebPage.port(Map.of("CHAT_WEB_PORT", "0"), 8080)).isZero();
        assertThat(LocalWebPage.port(Map.of("CHAT_WEB_PORT", " "), 8080)).as("blank: unset").isEqualTo(8082);
        for (String bad : List.of("web", "-1", "65536")) {
            assertThatThrownBy(() -> LocalWebPage.port(Map.of("CHAT_WEB_PORT", bad), 8080)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CHAT_WEB_PORT");
        }
    }

    @Test
    void a_port_in_use_is_refused_naming_the_setting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LocalWebPage.start(taken.getLocalPort(), WEB_SOCKET, Optional.empty()))
                    .hasMessageContaining("CHAT_WEB_PORT");
        }
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(page.uri().resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The whole answer to {@code GET <path> HTTP/1.1}, the path sent exactly as written. */
    private static String rawGet(String path) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), page.uri().getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
