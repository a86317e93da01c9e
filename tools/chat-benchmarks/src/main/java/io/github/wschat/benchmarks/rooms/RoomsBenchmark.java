package io.github.wschat.benchmarks.rooms;

import io.github.wschat.benchmarks.server.MembershipReads;
import io.github.wschat.benchmarks.server.RoomItems;
import io.github.wschat.benchmarks.server.RoomRoutes;
import io.github.wschat.benchmarks.server.RoomTables;
import io.github.wschat.benchmarks.server.ScanPublishHandler;
import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.benchmarks.client.BenchClient;
import io.github.wschat.benchmarks.client.Broadcast;
import io.github.wschat.benchmarks.client.WebSocketClients;
import io.github.wschat.benchmarks.server.ConnectionsTable;
import io.github.wschat.benchmarks.server.Routes;
import io.github.wschat.benchmarks.server.ServerProcess;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Rooms: a broadcast to a room of {@link Settings#roomSize()} members (1,000) while the tables hold 1,000,
 * 10,000 and 50,000 other connections, through this project's {@code publish} (a Query of the room's partition)
 * and through a Scan-and-filter baseline ({@link ScanPublishHandler}), side by side; then publish-to-last-receipt
 * over many publishes in a row; then the cost of a resume.
 *
 * <p><b>Setup.</b> Real WebSocket clients on the local WebSocket API with the SAM template's routes: the publisher
 * joins room {@value #ROOM} through {@code join}; the other members are clients connected through
 * {@code $connect} (their connection items are the project's) whose membership items are written directly, shaped
 * as {@code join} writes them, so that 1,000 joins do not tell each other 500,000 presences. The other connections
 * are stored items only: a connection item each ({@link ConnectionsTable#addStoredConnections}) and a membership
 * in another room of the same size ({@code other-0}, {@code other-1}, …), written with BatchWriteItem; they never
 * receive anything from {@value #ROOM}, so they need no socket. The tables grow from one point to the next.
 *
 * <p><b>A publish's time</b> runs from the moment the publisher's frame is written to the moment the last of the
 * room's other members decoded the {@code message} event: the gateway routing and invoking the handler, the
 * membership check, the append (stored first, PROTOCOL §4), the ack, the read of the members and the posts to
 * {@code @connections}, the gateway writing the frames and the clients reading them. The server's done note after
 * each publish carries the handler's time, the server's CPU time and the {@link MembershipReads} (Query or Scan
 * calls of the memberships table, items read, items returned, read capacity). The two variants take turns in a
 * rotating order, one publish at a time, {@value #PAUSE_MILLIS} ms apart; warm-up publishes make the handlers and
 * warm the JIT first.
 *
 * <p><b>Resume.</b> {@code max(missed)} messages are stored in room {@value #RESUME_ROOM} through the project's
 * {@code DynamoDbMessageLog}; a new connection joins it (a reconnect) and, for each number of missed messages,
 * pages {@code history} from {@code lastSeq − missed} in pages of {@value #PAGE} until {@code more} is false,
 * parsing each page as a client would: the time from the first request to the last page, and the requests made.
 */
public final class RoomsBenchmark {

    /** The measured room. */
    public static final String ROOM = "bench-room";
    /** The room the resume reads. */
    public static final String RESUME_ROOM = "bench-resume";
    /** The variants, in the order of the tables. */
    public static final List<String> VARIANTS = List.of(RoomRoutes.PUBLISH, RoomRoutes.SCAN_PUBLISH);
    /** History page size: PROTOCOL §5's largest {@code limit}. */
    public static final int PAGE = 100;

    /** The pause between two publishes. */
    public static final int PAUSE_MILLIS = 100;
    private static final String TEXT = "a message of the rooms benchmark";
    private static final String RESUME_TEXT = "a message stored for the resume, 64 characters long, as a chat line";
    private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration HANDLER_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);

    /**
     * How the run goes.
     *
     * @param roomSize   members of the measured room (and of each other room), the publisher included
     * @param others     the numbers of other connections, ascending
     * @param reps       measured publishes per variant at each number
     * @param warmups    unmeasured publishes per variant before the first measured ones
     * @param seriesReps the project's publishes in a row at the largest table
     * @param missed     the numbers of missed messages a resume pages through
     * @param resumeReps resumes per number of missed messages
     */
    public record Settings(int roomSize, List<Integer> others, int reps, int warmups, int seriesReps,
                           List<Integer> missed, int resumeReps) {
    }

    private final ServerProcess server;
    private final RoomTables tables;
    private final Settings settings;
    private final PrintStream progress;
    private int sequence;

    public RoomsBenchmark(ServerProcess server, RoomTables tables, Settings settings, PrintStream progress) {
        this.server = server;
        this.tables = tables;
        this.settings = settings;
        this.progress = progress;
    }

    /** Starts the rooms stage's server: the fan-out server with the room tables and {@link MembershipReads} on. */
    public static ServerProcess startServer(Path template, RoomTables tables, Path work) throws IOException, InterruptedException {
        Path interceptors = MembershipReads.writeRegistration(Files.createDirectories(work.resolve("rooms-server-classpath")));
        return ServerProcess.start(template, tables.environment(), List.of(interceptors), work.resolve("rooms-server.log"));
    }

    public RoomsResults run() throws Exception {
        String loadAtStart = loadAverage();
        List<RoomsResults.PublishPoint> points = new ArrayList<>();
        Map<Integer, Long> fillMillis = new LinkedHashMap<>();
        Map<Integer, String> loadAtPoint = new LinkedHashMap<>();
        RoomsResults.PublishPoint series;
        List<RoomsResults.ResumePoint> resume = new ArrayList<>();
        try (WebSocketClients clients = WebSocketClients.create(server.webSocketUri(), 2);
             ConnectionsTable connections = new ConnectionsTable(server.dynamoDbEndpoint(), tables.connections());
             RoomItems items = new RoomItems(server.dynamoDbEndpoint(), tables)) {
            fillRoom(clients, connections, items);
            int stored = 0;
            for (int others : settings.others()) {
                long start = System.nanoTime();
                addOthers(connections, stored, others - stored);
                stored = others;
                long expected = settings.roomSize() + (long) others;
                if (items.membershipCount() != expected) {
                    throw new IllegalStateException("the memberships table holds " + items.membershipCount()
                            + " items, expected " + expected);
                }
                fillMillis.put(others, (System.nanoTime() - start) / 1_000_000);
                progress.printf("  rooms: %,d other connections stored (%,d ms)%n", others, fillMillis.get(others));
                int warmups = points.isEmpty() ? settings.warmups() : 1;
                for (int w = 0; w < warmups; w++) {
                    for (String route : VARIANTS) {
                        publish(clients, route, others);
                    }
                }
                points.addAll(measure(clients, others));
                loadAtPoint.put(others, loadAverage());
            }
            int largest = settings.others().get(settings.others().size() - 1);
            List<RoomsResults.PublishSample> inARow = new ArrayList<>();
            for (int i = 0; i < settings.seriesReps(); i++) {
                inARow.add(publish(clients, RoomRoutes.PUBLISH, largest));
            }
            series = new RoomsResults.PublishPoint(RoomRoutes.PUBLISH, largest, inARow);
            progress.printf("    %d publishes in a row: p50 %.1f ms, p99 %.1f ms%n", settings.seriesReps(), series.millis(50),
                    series.millis(99));
            resume.addAll(resume(clients, items));
        }
        return new RoomsResults(settings.roomSize(), points, series, resume, fillMillis, loadAtPoint, loadAtStart,
                loadAverage());
    }

    /** The publisher joins through {@code join}; the other members connect, and their memberships are written. */
    private void fillRoom(WebSocketClients clients, ConnectionsTable connections, RoomItems items) throws Exception {
        long start = System.nanoTime();
        BenchClient publisher = clients.connectUpTo(1, 1, CONNECT_TIMEOUT).get(0);
        publisher.send(RoomRoutes.join(ROOM));
        awaitEvent(publisher, RoomRoutes.JOINED_EVENT_PREFIX);
        List<String> publisherId = items.memberIds(ROOM);
        if (publisherId.size() != 1) {
            throw new IllegalStateException("room " + ROOM + " holds " + publisherId + " after the publisher's join");
        }
        clients.connectUpTo(settings.roomSize(), 64, CONNECT_TIMEOUT);
        connections.awaitCount(settings.roomSize(), Duration.ofMinutes(1));
        Set<String> members = new HashSet<>(items.connectionIds());
        members.removeAll(publisherId);
        connections.putItems(tables.memberships(), RoomItems.memberships(ROOM, List.copyOf(members)));
        int inRoom = items.memberIds(ROOM).size();
        if (inRoom != settings.roomSize()) {
            throw new IllegalStateException("room " + ROOM + " holds " + inRoom + " members, expected " + settings.roomSize());
        }
        progress.printf("  rooms: %,d clients connected, in room %s (%,d ms)%n", settings.roomSize(), ROOM,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** {@code count} more stored connections, each a member of another room of the measured room's size. */
    private void addOthers(ConnectionsTable connections, int from, int count) throws Exception {
        List<String> ids = connections.addStoredConnections(count);
        List<Map<String, AttributeValue>> memberships = new ArrayList<>();
        for (int i = 0; i < ids.size(); ) {
            int room = (from + i) / settings.roomSize();
            int end = Math.min(ids.size(), (room + 1) * settings.roomSize() - from);
            memberships.addAll(RoomItems.memberships("other-" + room, ids.subList(i, end)));
            i = end;
        }
        connections.putItems(tables.memberships(), memberships);
    }

    /** {@code reps} measured publishes of each variant, taking turns in a rotating order. */
    private List<RoomsResults.PublishPoint> measure(WebSocketClients clients, int others) throws Exception {
        Map<String, List<RoomsResults.PublishSample>> samples = new LinkedHashMap<>();
        VARIANTS.forEach(route -> samples.put(route, new ArrayList<>()));
        for (int rep = 0; rep < settings.reps(); rep++) {
            for (int v = 0; v < VARIANTS.size(); v++) {
                String route = VARIANTS.get((v + rep) % VARIANTS.size());
                samples.get(route).add(publish(clients, route, others));
            }
        }
        List<RoomsResults.PublishPoint> measured = new ArrayList<>();
        samples.forEach((route, taken) -> {
            RoomsResults.PublishPoint point = new RoomsResults.PublishPoint(route, others, taken);
            measured.add(point);
            MembershipReads.Count reads = point.reads();
            progress.printf("    %-12s p50 %8.1f ms, p99 %8.1f ms, received %d/%d at least, %d pages, %,d items read%n",
                    route, point.millis(50), point.millis(99), point.minReceived(), point.expected(), reads.pages(),
                    reads.scanned());
        });
        return measured;
    }

    /** One publish by client 0 on {@code route}; see the class comment. */
    private RoomsResults.PublishSample publish(WebSocketClients clients, String route, int others) throws Exception {
        String id = "p" + (++sequence);
        String idField = RoomRoutes.idField(id);
        BenchClient publisher = clients.get(0);
        int recipients = settings.roomSize() - 1;
        Broadcast broadcast = clients.expect(id,
                text -> text.startsWith(RoomRoutes.MESSAGE_EVENT_PREFIX) && text.contains(idField), 0, recipients);
        broadcast.started();
        publisher.send(RoomRoutes.publish(route, ROOM, id, TEXT));
        String done = publisher.nextControl(Routes.DONE_PREFIX, HANDLER_TIMEOUT);
        broadcast.await(System.nanoTime(), QUIET, HANDLER_TIMEOUT);
        clients.stopExpecting();
        long[] latencies = broadcast.latenciesNanos();
        int status = -1;
        long handlerMicros = -1;
        long serverCpu = -1;
        MembershipReads.Count reads = new MembershipReads.Count(0, 0, 0, 0, -1);
        if (done != null) {
            String[] parts = done.split(" ");
            status = Integer.parseInt(parts[2]);
            handlerMicros = Long.parseLong(parts[3]);
            serverCpu = Long.parseLong(parts[4]);
            reads = MembershipReads.Count.parse(parts, 5);
        }
        // the pace between publishes: the last acknowledgements settle
        TimeUnit.MILLISECONDS.sleep(PAUSE_MILLIS);
        return new RoomsResults.PublishSample(route, others, recipients, broadcast.received(),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1], latencies, status, handlerMicros, serverCpu,
                reads);
    }

    /** Stores the messages, connects and joins the resuming client, and times its paging for each number missed. */
    private List<RoomsResults.ResumePoint> resume(WebSocketClients clients, RoomItems items) throws Exception {
        int most = settings.missed().stream().mapToInt(Integer::intValue).max().orElse(0);
        long start = System.nanoTime();
        items.appendMessages(RESUME_ROOM, most, RESUME_TEXT);
        progress.printf("  resume: %,d messages stored in %s (%,d ms)%n", most, RESUME_ROOM,
                (System.nanoTime() - start) / 1_000_000);
        BenchClient resumer = clients.connectOne().get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        resumer.send(RoomRoutes.join(RESUME_ROOM));
        long lastSeq = ((Number) JSON.std.mapFrom(awaitEvent(resumer, RoomRoutes.JOINED_EVENT_PREFIX)).get("lastSeq"))
                .longValue();
        List<RoomsResults.ResumePoint> points = new ArrayList<>();
        for (int missed : settings.missed()) {
            List<RoomsResults.ResumeSample> samples = new ArrayList<>();
            for (int rep = 0; rep < settings.resumeReps(); rep++) {
                RoomsResults.ResumeSample sample = page(resumer, lastSeq - missed);
                if (sample.messages() != missed) {
                    throw new IllegalStateException("a resume after seq " + (lastSeq - missed) + " received "
                            + sample.messages() + " messages, expected " + missed);
                }
                samples.add(sample);
            }
            RoomsResults.ResumePoint point = new RoomsResults.ResumePoint(missed, PAGE, samples);
            points.add(point);
            progress.printf("    resume of %,d missed: %d requests, p50 %.1f ms, p99 %.1f ms%n", missed, point.maxRequests(),
                    point.millis(50), point.millis(99));
        }
        return points;
    }

    /** Pages {@code history} from {@code after} until {@code more} is false, as a resuming client does. */
    private static RoomsResults.ResumeSample page(BenchClient resumer, long after) throws Exception {
        long from = after;
        int requests = 0;
        int messages = 0;
        boolean more = true;
        long start = System.nanoTime();
        while (more) {
            resumer.send(RoomRoutes.history(RESUME_ROOM, from, PAGE));
            Map<String, Object> page = JSON.std.mapFrom(awaitEvent(resumer, RoomRoutes.HISTORY_EVENT_PREFIX));
            requests++;
            List<?> received = (List<?>) page.get("messages");
            messages += received.size();
            more = Boolean.TRUE.equals(page.get("more"));
            if (received.isEmpty()) {
                if (more) {
                    throw new IllegalStateException("an empty history page said more");
                }
            } else {
                from = ((Number) ((Map<?, ?>) received.get(received.size() - 1)).get("seq")).longValue();
            }
        }
        return new RoomsResults.ResumeSample(System.nanoTime() - start, requests, messages);
    }

    /** The client's next event starting with {@code prefix}, skipping others; fails on an error event or a timeout. */
    private static String awaitEvent(BenchClient client, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
        while (true) {
            String text = client.nextControl(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (text == null) {
                throw new IllegalStateException("no " + prefix + "…} event within " + REPLY_TIMEOUT);
            }
            if (text.startsWith(prefix)) {
                return text;
            }
            if (text.startsWith("{\"type\":\"error\"")) {
                throw new IllegalStateException("the server answered " + text);
            }
        }
    }

    /** The first line of {@code /proc/loadavg}, or "unknown". */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
