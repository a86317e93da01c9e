package io.github.wschat.web;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The static files of chat-web on the class path, below {@link #ROOT}: {@code wschat.js}, the JavaScript
 * client. A host serves each under its name.
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

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "wschat.js", "text/javascript; charset=utf-8");

    private static final List<String> FILES = List.of("wschat.js");

    private ChatWebResources() {
    }

    /** The names of the files below {@link #ROOT}. */
    public static List<String> files() {
        return FILES;
    }

    /** The {@code Content-Type} of one of {@link #files()}, with its charset. */
    public static String contentType(String file) {
        String type = CONTENT_TYPES.get(file);
        if (type == null) {
            throw new IllegalArgumentException("not a file of chat-web: " + file);
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
