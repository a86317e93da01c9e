package io.github.wschat.example;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment artifact {@code mvn package} builds: Lambda's zip layout, only runtime jars, and
 * enough on its own to run the handler path (loaded in a class loader that sees nothing else).
 */
class LambdaArtifactIT {

    private static final Path ZIP = Path.of("target/chat-lambda-example-lambda.zip");
    private static final long MAX_BYTES = 10L * 1024 * 1024;

    private static List<String> entries;

    @BeforeAll
    static void readZip() throws IOException {
        entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            zip.stream().map(ZipEntry::getName).forEach(entries::add);
        }
    }

    @Test
    void the_handlers_are_at_the_root_and_the_runtime_jars_in_lib() {
        assertThat(entries).contains(
                "io/github/wschat/example/ConnectHandler.class",
                "io/github/wschat/example/DisconnectHandler.class",
                "io/github/wschat/example/DefaultHandler.class",
                "io/github/wschat/example/SendMessageHandler.class",
                "io/github/wschat/example/JoinHandler.class",
                "io/github/wschat/example/LeaveHandler.class",
                "io/github/wschat/example/MembersHandler.class",
                "io/github/wschat/example/PublishHandler.class",
                "io/github/wschat/example/HistoryHandler.class",
                "io/github/wschat/example/AuthorizerHandler.class");
        assertThat(libs()).anyMatch(jar -> jar.startsWith("chat-core-"))
                .anyMatch(jar -> jar.startsWith("chat-aws-adapter-"))
                .anyMatch(jar -> jar.startsWith("dynamodb-"))
                .anyMatch(jar -> jar.startsWith("apigatewaymanagementapi-"))
                .anyMatch(jar -> jar.startsWith("url-connection-client-"))
                .anyMatch(jar -> jar.startsWith("nimbus-jose-jwt-"))
                .anyMatch(jar -> jar.startsWith("crac-"));
    }

    @Test
    void no_test_engine_local_tool_or_heavy_http_client_is_shipped() {
        assertThat(libs()).noneMatch(jar -> jar.matches(
                "(?i).*(DynamoDBLocal|sqlite4java|junit|assertj|mockito|archunit|byte-buddy|snakeyaml|"
                        + "aws-lambda-java-serialization|apache-client|apache5-client|httpclient|httpcore|netty|"
                        + "jackson-databind|joda-time|log4j|jetty|kotlin|bcprov|bcpkix|tink|protobuf).*"));
        assertThat(entries).noneMatch(entry -> entry.endsWith("Test.class") || entry.endsWith("IT.class"));
    }

    @Test
    void the_artifact_is_small() throws IOException {
        long size = Files.size(ZIP);
        System.out.printf("Lambda artifact %s: %,d bytes (%.1f MiB), %d jars%n", ZIP, size, size / 1048576.0, libs().size());

        assertThat(size).isLessThan(MAX_BYTES);
    }

    @Test
    void the_artifact_alone_runs_the_handler_path(@TempDir Path unpacked) throws Exception {
        List<URL> classpath = new ArrayList<>();
        classpath.add(unpacked.toUri().toURL());
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                Path target = unpacked.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(unpacked)).as("zip entry %s stays inside", entry.getName()).isTrue();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target);
                }
                if (entry.getName().startsWith("lib/")) {
                    classpath.add(target.toUri().toURL());
                }
            }
        }

        try (URLClassLoader lambda = new URLClassLoader(classpath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> priming = lambda.loadClass("io.github.wschat.example.SnapStartPriming");
            Method prime = priming.getDeclaredMethod("prime");
            prime.setAccessible(true);

            // as in Lambda, whose runtime loads the function with the context class loader set to the function's
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            Object report;
            thread.setContextClassLoader(lambda);
            try {
                report = prime.invoke(null);
            } finally {
                thread.setContextClassLoader(previous);
            }

            assertThat(priming.getClassLoader()).isSameAs(lambda);
            assertThat(component(report, "stoppedOperations")).asList()
                    .contains("PutItem", "Scan", "DeleteItem", "PostToConnection", "GetConnection");
            assertThat(component(report, "delivered")).as("3 of the tutorial's routes, 9 of the rooms'").isEqualTo(12);
            assertThat(lambda.loadClass("io.github.wschat.example.SendMessageHandler").getConstructor()).isNotNull();
        }
    }

    /** A component of a record of the artifact's class loader. */
    private static Object component(Object record, String name) throws ReflectiveOperationException {
        Method accessor = record.getClass().getDeclaredMethod(name);
        accessor.setAccessible(true);
        return accessor.invoke(record);
    }

    private static List<String> libs() {
        return entries.stream().filter(entry -> entry.startsWith("lib/") && entry.endsWith(".jar"))
                .map(entry -> entry.substring("lib/".length())).toList();
    }
}
