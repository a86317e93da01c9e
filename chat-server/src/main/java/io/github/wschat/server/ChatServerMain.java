package io.github.wschat.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;

import java.util.concurrent.CountDownLatch;

/**
 * The container's entry point, {@code java -jar chat-server.jar}: the {@link ServerSettings} from the environment
 * (a missing or invalid variable: one ERROR line naming it, exit code 2), the server started on {@code PORT}, and
 * on SIGTERM (ECS stopping the task) the graceful stop: new connections refused, the requests in flight answered
 * within {@code SHUTDOWN_GRACE_SECONDS}, then exit code 0. Logs are JSON lines on stdout ({@code logback.xml}).
 */
public final class ChatServerMain {

    /** The exit code of a configuration the server cannot run with. */
    public static final int EXIT_BAD_SETTINGS = 2;
    /** The exit code of a server that could not start on good settings (the port taken, say). */
    public static final int EXIT_START_FAILED = 1;

    private static final Logger LOG = LoggerFactory.getLogger(ChatServerMain.class);

    private ChatServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServerSettings settings;
        try {
            settings = ServerSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            LOG.error("cannot start the chat server: {}", e.getMessage());
            System.exit(EXIT_BAD_SETTINGS);
            return;
        }
        // the JDK keeps 5 idle connections per host by default: the fan-out's 32 sends in flight would reopen them
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "64");
        }
        ChatServerApplication application;
        try {
            application = ChatServerApplication.builder().settings(settings).build().start();
        } catch (RuntimeException e) {
            LOG.error("the chat server could not start: {}", e.toString());
            System.exit(EXIT_START_FAILED);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM is handled here rather than by the JVM's shutdown: a JVM ending on a signal exits 143 even after
        // its hooks ran, and ECS reads the code; this stop is graceful, so the exit is 0
        Signal.handle(new Signal("TERM"), signal -> {
            Thread stopping = new Thread(() -> {
                LOG.info("SIGTERM: stopping");
                application.stop();
                stopped.countDown();
            }, "wschat-server-sigterm");
            stopping.start();
        });
        // any other end of the JVM (SIGINT, System.exit) still stops the server
        Runtime.getRuntime().addShutdownHook(new Thread(application::stop, "wschat-server-shutdown"));
        stopped.await();
        System.exit(0);
    }
}
