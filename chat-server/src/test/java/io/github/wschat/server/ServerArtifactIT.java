package io.github.wschat.server;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image's layout as {@code mvn package} writes it: {@code target/app/chat-server.jar}, whose manifest names
 * {@link ChatServerMain} and a {@code Class-Path} of {@code lib/…} jars that are all in {@code target/app/lib}, and
 * that runs with {@code java -jar} (without its environment: exit 2, naming the variable).
 */
class ServerArtifactIT {

    private static final Path APP = Path.of("target", "app");

    @Test
    void the_jar_names_its_main_class_and_every_library_it_needs_is_beside_it_in_lib() throws IOException {
        Path jar = APP.resolve("chat-server.jar");
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes manifest = file.getManifest().getMainAttributes();
            assertThat(manifest.getValue(Attributes.Name.MAIN_CLASS)).isEqualTo(ChatServerMain.class.getName());
            List<String> classPath = Arrays.asList(manifest.getValue(Attributes.Name.CLASS_PATH).split(" "));
            assertThat(classPath).isNotEmpty().allSatisfy(entry -> {
                assertThat(entry).startsWith("lib/");
                assertThat(APP.resolve(entry)).isRegularFile();
            });
            assertThat(classPath).anyMatch(entry -> entry.startsWith("lib/logback-classic-"))
                    .anyMatch(entry -> entry.startsWith("lib/chat-aws-adapter-"));
            assertThat(file.getEntry("logback.xml")).isNotNull();
        }
    }

    @Test
    void java_dash_jar_without_its_environment_exits_2_naming_the_first_missing_variable() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", APP.resolve("chat-server.jar").toString())
                .redirectErrorStream(true);
        builder.environment().clear();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(ChatServerMain.EXIT_BAD_SETTINGS);
        assertThat(output).contains("TABLE_NAME: required, not set");
        assertThat(Files.list(APP.resolve("lib")).count()).isGreaterThan(10);
    }
}
