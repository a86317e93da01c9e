package io.github.wschat.server.template;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code chat-server/Dockerfile} builds the image the task definition runs: read here, since this machine
 * has no container runtime to build it.
 */
class DockerfileTest {

    private static Dockerfile dockerfile;

    @BeforeAll
    static void readDockerfile() throws Exception {
        dockerfile = Dockerfile.read(Path.of("Dockerfile"));
        ServerTemplateTest.readTemplate();
    }

    @Test
    void the_image_is_a_single_stage_on_a_java_17_runtime() {
        assertThat(dockerfile.all("FROM")).singleElement()
                .satisfies(from -> assertThat(from.arguments()).isEqualTo("eclipse-temurin:17-jre"));
    }

    @Test
    void it_runs_as_a_numeric_user_that_is_not_root() {
        String user = dockerfile.last("USER").arguments();

        assertThat(user).matches("[0-9]+(:[0-9]+)?");
        assertThat(Integer.parseInt(user.split(":")[0])).isPositive();
        assertThat(dockerfile.instructions().indexOf(dockerfile.last("USER")))
                .as("USER comes after every RUN, so that nothing runs as root after it and the user exists")
                .isGreaterThan(dockerfile.instructions().indexOf(dockerfile.last("RUN")));
        assertThat(dockerfile.last("RUN").arguments()).contains("--uid " + user.split(":")[0]);
    }

    @Test
    void it_copies_the_packaged_app_directory_and_nothing_else() {
        assertThat(dockerfile.all("COPY")).singleElement()
                .satisfies(copy -> assertThat(copy.arguments()).isEqualTo("target/app /app"));
        assertThat(dockerfile.all("ADD")).isEmpty();
    }

    @Test
    void the_entrypoint_runs_the_jar_as_pid_1_with_the_heap_sized_from_the_container_and_an_exit_on_oom() {
        List<String> entrypoint = dockerfile.last("ENTRYPOINT").execForm();

        assertThat(entrypoint).startsWith("java").endsWith("-jar", "/app/chat-server.jar")
                .contains("-XX:+ExitOnOutOfMemoryError")
                .anySatisfy(flag -> assertThat(flag).matches("-XX:MaxRAMPercentage=[0-9.]+"));
        assertThat(dockerfile.all("CMD")).isEmpty();
    }

    @Test
    void it_exposes_the_task_definitions_container_port_and_leaves_health_checks_to_the_load_balancer() {
        assertThat(dockerfile.all("EXPOSE")).singleElement()
                .satisfies(expose -> assertThat(expose.arguments()).isEqualTo(String.valueOf(ServerTemplateTest.containerPort())));
        assertThat(dockerfile.all("HEALTHCHECK")).isEmpty();
        assertThat(ServerTemplateTest.container()).doesNotContainKey("HealthCheck");
    }

    @Test
    void the_build_context_is_only_the_packaged_app() throws Exception {
        List<String> patterns = Files.readAllLines(Path.of(".dockerignore"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();

        assertThat(patterns).containsExactly("*", "!target/app");
    }
}
