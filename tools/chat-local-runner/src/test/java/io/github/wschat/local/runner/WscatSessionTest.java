package io.github.wschat.local.runner;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tutorial's two-terminal session with the real {@code wscat} from npm (installed by this
 * module's build with {@code npm ci}) against the running chat.
 */
class WscatSessionTest {

    private static final Path WSCAT = Path.of("node_modules/.bin/wscat");

    @Test
    void two_wscat_terminals_chat_as_in_the_tutorial() throws Exception {
        assertThat(WSCAT).as("wscat, installed by npm ci in this module's build").exists();
        String url = RunningChat.CHAT.webSocketUri().toString();

        RunningChat.CONNECTED.clear();
        Wscat terminal2 = Wscat.start(List.of(WSCAT.toString(), "-c", url));
        String second = RunningChat.CONNECTED.poll(30, TimeUnit.SECONDS);
        assertThat(second).as("terminal 2 connected").isNotNull();
        assertThat(RunningChat.item(second)).isNotEmpty();

        // terminal 1 sends once connected (wscat's --execute), then stays until it is stopped
        Wscat terminal1 = Wscat.start(List.of(WSCAT.toString(), "-c", url,
                "-x", "{\"action\":\"sendmessage\",\"message\":\"hello, everyone!\"}", "-w", "60"));
        String first = RunningChat.CONNECTED.poll(30, TimeUnit.SECONDS);
        assertThat(first).as("terminal 1 connected").isNotNull();

        assertThat(terminal2.nextLine()).isEqualTo("hello, everyone!");

        terminal2.type("hi, what can I do here?");
        assertThat(terminal2.nextLine())
                .startsWith("Use the sendmessage route to send a message. Your info:{\"ConnectedAt\":\"")
                .endsWith("\"connectionID\":\"" + second + "\"}");

        terminal1.stop();
        RunningChat.disconnectOf(first).get(30, TimeUnit.SECONDS);
        assertThat(terminal1.linesSoFar()).as("the sender does not receive its own message").doesNotContain("hello, everyone!");
        assertThat(RunningChat.item(first)).isEmpty();

        terminal2.stop();
        RunningChat.disconnectOf(second).get(30, TimeUnit.SECONDS);
        assertThat(RunningChat.item(second)).isEmpty();
    }

    /** A wscat process: what it prints, line by line, without its prompt. */
    private static final class Wscat {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        private Wscat(Process process) {
            this.process = process;
            Thread reader = new Thread(this::read, "wscat-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Wscat start(List<String> command) throws IOException {
            assertThat(Files.isExecutable(WSCAT)).isTrue();
            return new Wscat(new ProcessBuilder(command).redirectErrorStream(true).start());
        }

        void type(String line) throws IOException {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        String nextLine() throws InterruptedException {
            String line = lines.poll(30, TimeUnit.SECONDS);
            assertThat(line).as("a line from wscat within 30 s").isNotNull();
            return line;
        }

        List<String> linesSoFar() {
            List<String> all = new ArrayList<>();
            lines.drainTo(all);
            return all;
        }

        void stop() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        private void read() {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = output.readLine()) != null) {
                    // without a terminal, wscat prints its "> " prompt in front of what it receives
                    String text = line.replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "").replaceFirst("^(> |< )+", "").strip();
                    if (!text.isEmpty()) {
                        lines.add(text);
                    }
                }
            } catch (IOException ended) {
                // the process is gone: nothing more to read
            }
        }
    }
}
