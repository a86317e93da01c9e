package io.github.wschat.web;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The chat page's static files on the class path: {@code index.html}, {@code app.js}, {@code wschat.js} (the
 * client) and {@code chat.css}, below {@link #ROOT}. A host serves each under its name, and serves beside them
 * {@value #CONFIG}, which is not in the jar: {@code {"webSocketUrl":"ws://…/production","devTokenUrl":…}}
 * (chat-web's README gives the contract).
 *
 * <pre>{@code
 * for (String file : ChatWebResources.files()) {
 *     try (InputStream in = ChatWebResources.open(file)) {
 *         serve("/" + file, ChatWebResources.contentType(file), in.readAllBytes());
 *     }
 * }
 * }</pre>
 */
public final class ChatWebResources {

    /** The class path folder of the files, with its slashes: {@code Class.getResource} takes it as it is. */
    public static final String ROOT = "/io/github/wschat/web/static/";

    /** The page, the file a host answers for {@code /}. */
    public static final String INDEX = "index.html";

    /** The settings the page reads beside itself; the host writes it, the jar has none. */
    public static final String CONFIG = "config.json";

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "wschat.js", "text/javascript; charset=utf-8",
            "chat.css", "text/css; charset=utf-8");

    private static final List<String> FILES = List.of("index.html", "app.js", "wschat.js", "chat.css");

    private ChatWebResources() {
    }

    /** The names of the files below {@link #ROOT}, {@link #INDEX} first. */
    public static List<String> files() {
        return FILES;
    }

    /** The {@code Content-Type} of one of {@link #files()}, with its charset. */
    public static String contentType(String file) {
        String type = CONTENT_TYPES.get(file);
        if (type == null) {
            throw new IllegalArgumentException("not a file of the chat page: " + file);
        }
        return type;
    }

    /** The content of one of {@link #files()}; the caller closes it. */
    public static InputStream open(String file) {
        contentType(file);
        InputStream in = ChatWebResources.class.getResourceAsStream(ROOT + file);
        if (in == null) {
            throw new UncheckedIOException(new FileNotFoundException(ROOT + file + " is not on the class path"));
        }
        return in;
    }
}
