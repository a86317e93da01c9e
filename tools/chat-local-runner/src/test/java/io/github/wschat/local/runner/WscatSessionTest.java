package io.github.wschat.local.runner;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tutorial's two-terminal session with the real {@code wscat} from npm (installed by this
 * module's build with {@code npm ci}) against the running chat.
 */
class WscatSessionTest {

    private static final Duration LINE = Duration.ofSeconds(30);
    static final Path WSCAT = Path.of("node_modules/.bin/wscat");

    @Test
    void two_wscat_terminals_chat_as_in_the_tutorial() throws Exception {
        assertThat(WSCAT).as("wscat, installed by npm ci in this module's build").exists();
        String url = RunningChat.CHAT.webSocketUri().toString();

        RunningChat.CONNECTED.clear();
        ProcessOutput terminal2 = wscat("-c", url);
        String second = RunningChat.CONNECTED.poll(30, TimeUnit.SECONDS);
        assertThat(second).as("terminal 2 connected").isNotNull();
        assertThat(RunningChat.item(second)).isNotEmpty();

        // terminal 1 sends once connected (wscat's --execute), then stays until it is stopped
        ProcessOutput terminal1 = wscat("-c", url,
                "-x", "{\"action\":\"sendmessage\",\"message\":\"hello, everyone!\"}", "-w", "60");
        String first = RunningChat.CONNECTED.poll(30, TimeUnit.SECONDS);
        assertThat(first).as("terminal 1 connected").isNotNull();

        assertThat(terminal2.nextLine(LINE)).isEqualTo("hello, everyone!");

        terminal2.type("hi, what can I do here?");
        assertThat(terminal2.nextLine(LINE))
                .startsWith("Use the sendmessage route to send a message. Your info:{\"ConnectedAt\":\"")
                .endsWith("\"connectionID\":\"" + second + "\"}");

        assertThat(terminal1.stop(LINE)).isTrue();
        RunningChat.disconnectOf(first).get(30, TimeUnit.SECONDS);
        assertThat(terminal1.linesSoFar()).as("the sender does not receive its own message").doesNotContain("hello, everyone!");
        assertThat(RunningChat.item(first)).isEmpty();

        assertThat(terminal2.stop(LINE)).isTrue();
        RunningChat.disconnectOf(second).get(30, TimeUnit.SECONDS);
        assertThat(RunningChat.item(second)).isEmpty();
    }

    /** A wscat process: what it prints, line by line, without its prompt. */
    static ProcessOutput wscat(String... arguments) throws IOException {
        assertThat(Files.isExecutable(WSCAT)).as("wscat, installed by npm ci in this module's build").isTrue();
        List<String> command = new ArrayList<>(List.of(WSCAT.toString()));
        command.addAll(List.of(arguments));
        // without a terminal, wscat prints its "> " prompt in front of what it receives
        return ProcessOutput.start(new ProcessBuilder(command), line -> line
                .replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "").replaceFirst("^(> |< )+", "").strip());
    }
}
