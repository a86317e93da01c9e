package io.github.wschat.aws.apigateway;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.ConnectionId;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback HTTP server that plays API Gateway's {@code @connections} API for one stage, so that
 * the real AWS SDK client can be tested against it:
 * <ul>
 *   <li>{@code POST /{stage}/@connections/{id}}: 200 and the body recorded for a live id;</li>
 *   <li>{@code GET /{stage}/@connections/{id}}: 200 and
 *       {@code {"connectedAt":…,"identity":{"sourceIp":…,"userAgent":…},"lastActiveAt":…}}, the
 *       member names of the service model that the SDK reads;</li>
 *   <li>{@code DELETE /{stage}/@connections/{id}}: 204, and the id is gone from then on;</li>
 *   <li>an unknown id: 410 with {@code x-amzn-ErrorType: GoneException} and a JSON {@code message};</li>
 *   <li>a request without a SigV4 {@code Authorization} header: 403 {@code ForbiddenException}.</li>
 * </ul>
 * Errors carry the {@code x-amzn-ErrorType} header, which is how the SDK's REST-JSON protocol picks
 * the modeled exception ({@code GoneException}, {@code ForbiddenException}, …).
 *
 * <p>Answers can be scripted per id (one-shot answers in order, then a standing answer), delayed,
 * or held until released; the server records when each request arrived, and counts requests per id,
 * the most requests it served at once and the client ports it saw (one per TCP connection).
 */
public final class FakeConnectionsApi implements AutoCloseable {

    static final String STAGE = "test";
    static final Instant CONNECTED_AT = Instant.parse("2026-11-25T10:15:30Z");
    static final Instant LAST_ACTIVE_AT = Instant.parse("2026-11-25T10:16:01.250Z");
    static final ClientIdentity IDENTITY = ClientIdentity.of("203.0.113.10", "wscat/6.1.0");

    private static final String PREFIX = "/" + STAGE + "/@connections/";
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final AtomicInteger SERVER_NUMBER = new AtomicInteger();

    static {
        // The JDK server writes an answer's headers and its body in two writes: with Nagle's algorithm
        // on, the body waits for the client's delayed ACK, about 40 ms on Linux, after every error and
        // every GET. That would hide the SDK's backoff between attempts. The JDK reads the setting once,
        // when its first server starts in this JVM; one set on the command line wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** One scripted answer: a status (with its API Gateway error type) and an optional delay. */
    public record Answer(int status, String errorType, Duration delay, String body) {

        public static Answer ok() {
            return new Answer(200, null, Duration.ZERO, null);
        }

        /** 200 with this body instead of the usual one (GET only). */
        public static Answer okWithBody(String body) {
            return new Answer(200, null, Duration.ZERO, body);
        }

        /** An error as API Gateway sends it, with the error type of the status. */
        public static Answer error(int status) {
            return new Answer(status, errorTypeOf(status), Duration.ZERO, null);
        }

        /** An error without {@code x-amzn-ErrorType}, as a proxy in between might send it. */
        public static Answer bareError(int status) {
            return new Answer(status, null, Duration.ZERO, null);
        }

        Answer delayedBy(Duration value) {
            return new Answer(status, errorType, value, body);
        }

        private static String errorTypeOf(int status) {
            return switch (status) {
                case 403 -> "ForbiddenException";
                case 410 -> "GoneException";
                case 413 -> "PayloadTooLargeException";
                case 429 -> "LimitExceededException";
                case 500 -> "InternalServerErrorException";
                case 503 -> "ServiceUnavailableException";
                default -> "BadRequestException";
            };
        }
    }

    /**
     * What a request looked like, and when it arrived: {@code arrivedAtNanos} is {@link System#nanoTime()}
     * as the server started handling it, so that the gaps between a call's attempts show the client's
     * backoff.
     */
    public record RecordedRequest(String method, String path, String connectionId, Map<String, List<String>> headers,
                                  long arrivedAtNanos) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    private record Live(ClientIdentity identity) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final Map<String, Queue<Answer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Answer> standing = new ConcurrentHashMap<>();
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requestsPerId = new ConcurrentHashMap<>();
    private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
    private final Set<String> clientPorts = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Object inFlightChanged = new Object();
    private final AtomicReference<CountDownLatch> hold = new AtomicReference<>();
    private volatile Duration latency = Duration.ZERO;

    private FakeConnectionsApi() throws IOException {
        int number = SERVER_NUMBER.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        // a thread per request in flight: the server must never be what limits concurrency
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-connections-api-" + number + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.createContext(PREFIX, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static FakeConnectionsApi start() {
        try {
            return new FakeConnectionsApi();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake @connections API", e);
        }
    }

    /** The management endpoint: {@code http://127.0.0.1:{port}/test}. */
    public URI endpoint() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/" + STAGE);
    }

    /** Makes {@code id} a live connection of the default identity. */
    public ConnectionId connect(String id) {
        return connect(ConnectionId.of(id), IDENTITY);
    }

    public ConnectionId connect(ConnectionId id, ClientIdentity identity) {
        live.put(id.value(), new Live(identity));
        return id;
    }

    public boolean isLive(ConnectionId id) {
        return live.containsKey(id.value());
    }

    /** Answers the next requests for {@code id} with these, in order, before the usual answers. */
    public void answerNext(ConnectionId id, Answer... answers) {
        scripted.computeIfAbsent(id.value(), k -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
    }

    /** Answers every request for {@code id} (after the one-shot ones) with {@code answer}. */
    public void answerAlways(ConnectionId id, Answer answer) {
        standing.put(id.value(), answer);
    }

    /** Delays every answer by {@code value}: a slow network. */
    public void latency(Duration value) {
        this.latency = Objects.requireNonNull(value);
    }

    /** Holds every answer until {@link #release()}; for tests that need requests in flight. */
    public void hold() {
        hold.set(new CountDownLatch(1));
    }

    public void release() {
        CountDownLatch latch = hold.getAndSet(null);
        if (latch != null) {
            latch.countDown();
        }
    }

    /** Waits until {@code count} requests are in flight at once; false on timeout. */
    public boolean awaitInFlight(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (inFlightChanged) {
            while (inFlight.get() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(inFlightChanged, left);
            }
            return true;
        }
    }

    /** The bodies posted to {@code id} and accepted, oldest first. */
    public List<String> receivedBy(ConnectionId id) {
        List<String> bodies = received.get(id.value());
        if (bodies == null) {
            return List.of();
        }
        synchronized (bodies) {
            return List.copyOf(bodies);
        }
    }

    /** Requests for {@code id}, whatever their method and answer. */
    public int requestsFor(ConnectionId id) {
        AtomicInteger count = requestsPerId.get(id.value());
        return count == null ? 0 : count.get();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests for {@code id}, in the order they arrived. */
    public List<RecordedRequest> recordedRequestsFor(ConnectionId id) {
        return requests.stream()
                .filter(request -> request.connectionId().equals(id.value()))
                .sorted(Comparator.comparingLong(RecordedRequest::arrivedAtNanos))
                .toList();
    }

    public int totalRequests() {
        return requests.size();
    }

    /** The requests the server is answering now: held, delayed or being read. */
    public int requestsInFlight() {
        return inFlight.get();
    }

    /** The most requests the server was answering at once. */
    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    /** Distinct client ports seen: one per TCP connection the client opened. */
    public int connectionsSeen() {
        return clientPorts.size();
    }

    /** Forgets counts and recorded requests (not connections or scripts). */
    public void resetStatistics() {
        requests.clear();
        requestsPerId.clear();
        clientPorts.clear();
        maxInFlight.set(inFlight.get());
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrivedAtNanos = System.nanoTime();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        signalInFlight();
        boolean counted = true;
        try {
            byte[] body = readAll(exchange.getRequestBody());
            String path = exchange.getRequestURI().getPath();
            String id = path.substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            requests.add(new RecordedRequest(method, path, id, Map.copyOf(exchange.getRequestHeaders()), arrivedAtNanos));
            requestsPerId.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            clientPorts.add(exchange.getRemoteAddress().toString());

            Answer answer = answerFor(id, exchange);
            waitBeforeAnswering(answer.delay().plus(latency));
            // no longer in flight once the answer is decided: counted until after it is written, a
            // request could overlap the client's next one and the count exceed the client's bound
            counted = false;
            leaveFlight();
            if (answer.status() == 200) {
                answerSuccess(exchange, method, id, body, answer.body());
            } else {
                sendError(exchange, answer);
            }
        } finally {
            if (counted) {
                leaveFlight();
            }
            exchange.close();
        }
    }

    private void leaveFlight() {
        inFlight.decrementAndGet();
        signalInFlight();
    }

    private Answer answerFor(String id, HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
            return Answer.error(403);
        }
        Queue<Answer> next = scripted.get(id);
        Answer answer = next == null ? null : next.poll();
        if (answer == null) {
            answer = standing.get(id);
        }
        if (answer == null) {
            answer = live.containsKey(id) ? Answer.ok() : Answer.error(410);
        }
        return answer;
    }

    private void answerSuccess(HttpExchange exchange, String method, String id, byte[] body, String answerBody)
            throws IOException {
        switch (method) {
            case "POST" -> {
                List<String> bodies = received.computeIfAbsent(id, k -> Collections.synchronizedList(new ArrayList<>()));
                bodies.add(new String(body, StandardCharsets.UTF_8));
                send(exchange, 200, null);
            }
            case "GET" -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                send(exchange, 200, answerBody != null ? answerBody : connectionInfoJson(id));
            }
            case "DELETE" -> {
                live.remove(id);
                send(exchange, 204, null);
            }
            default -> sendError(exchange, Answer.error(400));
        }
    }

    /**
     * The body of GetConnection as it travels: the service model's member names are camelCase
     * ({@code connectedAt}, {@code identity.sourceIp}, …). The capitalized names of the chat
     * tutorial's {@code $default} reply are what the JavaScript SDK made of it, not the wire format.
     */
    private String connectionInfoJson(String id) {
        Live connection = live.getOrDefault(id, new Live(IDENTITY));
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("sourceIp", connection.identity().sourceIp());
        identity.put("userAgent", connection.identity().userAgent());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("connectedAt", ISO_MILLIS.format(CONNECTED_AT));
        info.put("identity", identity);
        info.put("lastActiveAt", ISO_MILLIS.format(LAST_ACTIVE_AT));
        return json(info);
    }

    private void sendError(HttpExchange exchange, Answer answer) throws IOException {
        if (answer.errorType() != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", answer.errorType());
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", answer.errorType() == null ? "Error " + answer.status() : answer.errorType());
        send(exchange, answer.status(), json(error));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void waitBeforeAnswering(Duration delay) {
        try {
            CountDownLatch latch = hold.get();
            if (latch != null) {
                latch.await();
            }
            if (!delay.isZero()) {
                // simulates a slow network or gateway, it synchronises nothing
                Thread.sleep(delay.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void signalInFlight() {
        synchronized (inFlightChanged) {
            inFlightChanged.notifyAll();
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static String json(Map<String, Object> value) {
        try {
            return JSON.std.asString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
