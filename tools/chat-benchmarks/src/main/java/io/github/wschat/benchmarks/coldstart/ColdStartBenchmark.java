package io.github.wschat.benchmarks.coldstart;

import io.github.wschat.benchmarks.client.WebSocketClients;
import io.github.wschat.local.LocalWebSocketApi;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import io.github.wschat.testkit.dynamodb.DynamoDbTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Cold starts: for each route's handler, this project's (from {@code chat-lambda-example-lambda.zip}, the
 * artifact that deploys) and the naive version's (from {@code naive-lambda.zip}), {@code runs} fresh JVMs,
 * each running {@link ColdStartProbe}: construct the handler, give it its first event. The JVMs start with
 * Lambda's tiered-compilation flag and the environment Lambda gives a function (region, credentials,
 * {@code TABLE_NAME}), plus the SDK's standard endpoint variables pointing at a DynamoDB Local and a local
 * WebSocket API that this JVM serves, with three connected clients. The table is put back in the same state
 * before every run, and the variants take turns, so both see the same conditions.
 *
 * <p>What the first event does: {@code $connect} stores a new connection; {@code $disconnect} removes a
 * stored one; {@code $default} asks {@code GetConnection} and posts the answer to the caller;
 * {@code sendmessage} reads the table and posts to the two other clients. For {@code $connect} a third
 * variant, {@link SdkFloorHandler} started from this project's artifact, shows what the least a handler
 * can do with the SDK costs.
 */
public final class ColdStartBenchmark {

    /** The options of every probe JVM. */
    public static final List<String> JVM_OPTIONS = List.of(
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", // as the SAM template's JAVA_TOOL_OPTIONS
            "-Dhttp.maxConnections=32",                          // idem
            "-XX:+UseSerialGC", "-Xmx768m", "-Xshare:auto");     // a small function: one GC thread, a 1 GB sandbox

    private static final String TABLE = "wschat-bench-coldstart";
    private static final String STAGE = "coldstart";
    private static final String JOINING = "coldStartJoin0=";
    private static final String LEAVING = "coldStartLeave=";
    private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(1);

    /** The routes, with this project's handler and the naive one. */
    private static final List<String[]> HANDLERS = List.of(
            new String[] {"$connect", "io.github.wschat.example.ConnectHandler", "io.github.wschat.benchmarks.naive.NaiveConnectHandler"},
            new String[] {"$disconnect", "io.github.wschat.example.DisconnectHandler", "io.github.wschat.benchmarks.naive.NaiveDisconnectHandler"},
            new String[] {"$default", "io.github.wschat.example.DefaultHandler", "io.github.wschat.benchmarks.naive.NaiveDefaultHandler"},
            new String[] {"sendmessage", "io.github.wschat.example.SendMessageHandler", "io.github.wschat.benchmarks.naive.NaiveSendMessageHandler"});

    public static final String PROJECT = "wschat";
    public static final String NAIVE = "naive";
    /** {@link SdkFloorHandler} from this project's artifact, for {@code $connect} only. */
    public static final String FLOOR = "SDK minimum";

    private final Path root;
    private final Path work;
    private final int runs;
    private final PrintStream progress;

    public ColdStartBenchmark(Path root, Path work, int runs, PrintStream progress) {
        this.root = root;
        this.work = work;
        this.runs = runs;
        this.progress = progress;
    }

    public ColdStartResults run() throws Exception {
        Path projectZip = root.resolve("chat-lambda-example/target/chat-lambda-example-lambda.zip");
        Path naiveZip = root.resolve("tools/chat-benchmarks/target/naive-lambda.zip");
        Path base = work.resolve("coldstart");
        deleteTree(base);
        String projectClasspath = classpathOf(unzip(projectZip, base.resolve("project")), probeClasses(base));
        String naiveClasspath = classpathOf(unzip(naiveZip, base.resolve("naive")), probeClasses(base));
        Path log = base.resolve("probes.log");

        Map<String, List<ColdStartRun>> measured = new LinkedHashMap<>();
        try (DynamoDbLocalServer dynamoDb = DynamoDbLocalServer.start();
             LocalWebSocketApi api = LocalWebSocketApi.builder().stage(STAGE).start();
             WebSocketClients clients = WebSocketClients.create(api.webSocketUri(), 1)) {
            DynamoDbClient client = dynamoDb.newClient();
            DynamoDbTables.createConnectionsTable(client, TABLE);
            clients.connectUpTo(3, 3, Duration.ofSeconds(30));
            List<String> ids = api.connectionIds().stream().sorted().toList();
            String sender = ids.get(0);
            Map<String, String> environment = Map.of(
                    "TABLE_NAME", TABLE,
                    "AWS_REGION", "us-east-1",
                    "AWS_ACCESS_KEY_ID", "local",
                    "AWS_SECRET_ACCESS_KEY", "local",
                    "AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString(),
                    "AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI", api.connectionsEndpoint().toString());
            String domainName = api.webSocketUri().getHost() + ":" + api.port();
            for (int run = 0; run < runs; run++) {
                for (String[] handler : HANDLERS) {
                    String route = handler[0];
                    List<String> variants = new ArrayList<>(List.of(PROJECT, NAIVE));
                    if (route.equals("$connect")) {
                        variants.add(FLOOR);
                    }
                    Collections.rotate(variants, run);
                    for (String variant : variants) {
                        resetTable(client, ids);
                        String className = switch (variant) {
                            case PROJECT -> handler[1];
                            case NAIVE -> handler[2];
                            default -> SdkFloorHandler.class.getName();
                        };
                        ColdStartRun result = probe(variant.equals(NAIVE) ? naiveClasspath : projectClasspath,
                                environment, log, className, route, sender, domainName);
                        measured.computeIfAbsent(route + " " + variant, key -> new ArrayList<>()).add(result);
                    }
                }
                progress.printf("  cold starts: round %d of %d done%n", run + 1, runs);
            }
        }
        List<ColdStartResults.Case> cases = new ArrayList<>();
        for (String[] handler : HANDLERS) {
            cases.add(new ColdStartResults.Case(handler[0], PROJECT, handler[1], measured.get(handler[0] + " " + PROJECT)));
            cases.add(new ColdStartResults.Case(handler[0], NAIVE, handler[2], measured.get(handler[0] + " " + NAIVE)));
            if (measured.containsKey(handler[0] + " " + FLOOR)) {
                cases.add(new ColdStartResults.Case(handler[0], FLOOR, SdkFloorHandler.class.getName(),
                        measured.get(handler[0] + " " + FLOOR)));
            }
        }
        return new ColdStartResults(cases, JVM_OPTIONS, artifact(projectZip), artifact(naiveZip));
    }

    /** One fresh JVM: the probe, the handler, its first event. */
    private ColdStartRun probe(String classpath, Map<String, String> environment, Path log, String className,
                               String route, String sender, String domainName) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", classpath, ColdStartProbe.class.getName(), className, route));
        switch (route) {
            case "$connect" -> command.addAll(List.of("CONNECT", JOINING, domainName, STAGE));
            case "$disconnect" -> command.addAll(List.of("DISCONNECT", LEAVING, domainName, STAGE));
            case "$default" -> command.addAll(List.of("MESSAGE", sender, domainName, STAGE, "hello?"));
            default -> command.addAll(List.of("MESSAGE", sender, domainName, STAGE,
                    "{\"action\":\"sendmessage\",\"message\":\"cold\"}"));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the cold-start probe of " + className + " did not end; see " + log);
        }
        long processMillis = (System.nanoTime() - start) / 1_000_000;
        String line = output.lines().filter(l -> l.startsWith("COLDSTART ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the cold-start probe of " + className + " failed; see " + log));
        String[] parts = line.split(" ");
        return new ColdStartRun(Long.parseLong(parts[1]), Long.parseLong(parts[2]), processMillis, Integer.parseInt(parts[3]));
    }

    /** The three clients stored as this project stores them, the leaving one stored, the joining one not. */
    private static void resetTable(DynamoDbClient client, List<String> ids) {
        Instant now = Instant.now();
        for (String id : ids) {
            client.putItem(put -> put.tableName(TABLE).item(item(id, now)));
        }
        client.putItem(put -> put.tableName(TABLE).item(item(LEAVING, now)));
        client.deleteItem(delete -> delete.tableName(TABLE).key(Map.of("connectionId", AttributeValue.fromS(JOINING))));
    }

    private static Map<String, AttributeValue> item(String id, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("connectionId", AttributeValue.fromS(id));
        item.put("connectedAt", AttributeValue.fromN(Long.toString(now.toEpochMilli())));
        item.put("ttl", AttributeValue.fromN(Long.toString(now.getEpochSecond() + 8100)));
        item.put("sourceIp", AttributeValue.fromS("127.0.0.1"));
        return item;
    }

    /**
     * The probe's class and the SDK floor handler, alone in a directory: nothing else of this module is on a
     * probe's classpath.
     */
    private static Path probeClasses(Path base) throws IOException {
        Path dir = base.resolve("probe");
        for (Class<?> type : List.of(ColdStartProbe.class, SdkFloorHandler.class)) {
            String resource = type.getName().replace('.', '/') + ".class";
            Path target = dir.resolve(resource);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return dir;
    }

    /** Lambda's Java classpath for a zip: its root, then every jar of {@code lib/}; the probe's class last. */
    private static String classpathOf(Path artifact, Path probe) throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add(artifact.toString());
        try (Stream<Path> jars = Files.list(artifact.resolve("lib"))) {
            jars.filter(path -> path.toString().endsWith(".jar")).sorted().forEach(path -> entries.add(path.toString()));
        }
        entries.add(probe.toString());
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static Path unzip(Path zip, Path target) throws IOException {
        if (!Files.exists(zip)) {
            throw new IllegalStateException(zip + " is missing: build with mvn -B -pl chat-benchmarks -am install");
        }
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return target;
    }

    private static ColdStartResults.Artifact artifact(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            int jars = (int) file.stream().filter(e -> e.getName().startsWith("lib/") && e.getName().endsWith(".jar")).count();
            return new ColdStartResults.Artifact(zip.getFileName().toString(), Files.size(zip), jars);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
