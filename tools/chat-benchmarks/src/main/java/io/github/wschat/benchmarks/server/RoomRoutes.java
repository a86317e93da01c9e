package io.github.wschat.benchmarks.server;

/**
 * The room routes the rooms benchmark sends to, and the bodies it sends: the SAM template's {@code join},
 * {@code publish} and {@code history} (PROTOCOL §3–§5), and the benchmark server's Scan-and-filter baseline.
 */
public final class RoomRoutes {

    /** The template's {@code join} route. */
    public static final String JOIN = "join";
    /** The template's {@code publish} route: this project's {@code PublishHandler}, a Query of the room's members. */
    public static final String PUBLISH = "publish";
    /** The template's {@code history} route. */
    public static final String HISTORY = "history";
    /** The baseline: {@link ScanPublishHandler}, the same publish reading the members with a Scan and a filter. */
    public static final String SCAN_PUBLISH = "scanpublish";
    /** How a room's {@code message} event starts (chat-json writes {@code type} first). */
    public static final String MESSAGE_EVENT_PREFIX = "{\"type\":\"message\"";
    /** How the answer to {@code history} starts. */
    public static final String HISTORY_EVENT_PREFIX = "{\"type\":\"history\"";
    /** How the answer to {@code join} starts. */
    public static final String JOINED_EVENT_PREFIX = "{\"type\":\"joined\"";

    private RoomRoutes() {
    }

    /** {@code {"action":"join","room":…}}. */
    public static String join(String room) {
        return "{\"action\":\"" + JOIN + "\",\"room\":\"" + room + "\"}";
    }

    /** A publish of {@code text} (plain ASCII, nothing to escape) under {@code id} on {@code route}. */
    public static String publish(String route, String room, String id, String text) {
        return "{\"action\":\"" + route + "\",\"room\":\"" + room + "\",\"id\":\"" + id + "\",\"text\":\"" + text + "\"}";
    }

    /** {@code {"action":"history","room":…,"after":…,"limit":…}}. */
    public static String history(String room, long after, int limit) {
        return "{\"action\":\"" + HISTORY + "\",\"room\":\"" + room + "\",\"after\":" + after + ",\"limit\":" + limit + "}";
    }

    /** The {@code "id":"…"} field of a message event of {@code id}, for telling it from the others. */
    public static String idField(String id) {
        return "\"id\":\"" + id + "\"";
    }
}
