package io.github.wschat.benchmarks.server;

/** The route keys of the benchmark server and what each one runs. */
public final class Routes {

    /** (a) this project's {@code SendMessageHandler}, as the SAM template names it. */
    public static final String PROJECT = "sendmessage";
    /** (b) {@code TutorialSendMessageHandler}: the sample's single Scan, posts one after another. */
    public static final String TUTORIAL = "tutorialsendmessage";
    /** (b′) {@code TutorialPromiseAllSendMessageHandler}: the sample's single Scan, every post at once. */
    public static final String TUTORIAL_PROMISE_ALL = "tutorialpromiseall";
    /** (c) {@link GatewayPushHandler}: the gateway writes the frames itself, no DynamoDB, no HTTP. */
    public static final String GATEWAY_PUSH = "gatewaypush";
    /** Two-way: answers the recorded {@code $connect} / {@code $disconnect} handler durations, then forgets them. */
    public static final String STATS = "benchstats";
    /**
     * Two-way: {@code {"action":"benchlatency","millis":10}} makes the gateway delay every {@code @connections}
     * call by that much from now on (0: no delay), to model the round trip to the real management API.
     */
    public static final String LATENCY = "benchlatency";
    /** Starts the note the server sends to the caller when a broadcast route's handler has returned. */
    public static final String DONE_PREFIX = "benchdone ";

    private Routes() {
    }

    /** The body that route {@code route} reads the text {@code message} from. */
    public static String body(String route, String message) {
        // the sample reads "data", the tutorial text and this project read "message"
        String field = route.equals(TUTORIAL) || route.equals(TUTORIAL_PROMISE_ALL) ? "data" : "message";
        return "{\"action\":\"" + route + "\",\"" + field + "\":\"" + message + "\"}";
    }
}
