package io.github.wschat.aws.lambda;

import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is logged while a capture is open, read back as records. The tests' slf4j binding,
 * slf4j-simple, writes each record to the {@code System.err} of the moment (see
 * {@code simplelogger.properties}), so a capture tees {@code System.err} and parses its lines;
 * everything still reaches the real {@code System.err}. Records below the binding's level (INFO)
 * are never written, so never seen here.
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.start()) {
 *     adapter.handle(event, context);
 *     assertThat(log.recordsAtLeast(Level.INFO)).noneMatch(record -> record.text().contains(body));
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {

    /** slf4j-simple's default layout: {@code [thread] LEVEL logger - message}. */
    private static final Pattern RECORD_START = Pattern.compile("\\[[^\\]]*] (TRACE|DEBUG|INFO|WARN|ERROR) (\\S+) - (.*)");

    private final PrintStream original;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private LogCapture() {
        original = System.err;
        OutputStream tee = new OutputStream() {
            @Override
            public synchronized void write(int b) {
                original.write(b);
                captured.write(b);
            }

            @Override
            public synchronized void write(byte[] bytes, int offset, int length) {
                original.write(bytes, offset, length);
                captured.write(bytes, offset, length);
            }

            @Override
            public void flush() {
                original.flush();
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    /**
     * Starts capturing, after checking that an INFO record of this very moment is captured: a
     * binding that logged elsewhere would otherwise make every "nothing was logged" pass.
     */
    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        String probe = "log capture started " + UUID.randomUUID();
        LoggerFactory.getLogger(LogCapture.class).info(probe);
        if (capture.records().stream().noneMatch(record -> record.text().equals(probe))) {
            capture.close();
            throw new IllegalStateException("the slf4j binding does not write INFO records to System.err as"
                    + " slf4j-simple does by default: the capture would see nothing");
        }
        return capture;
    }

    /**
     * Every record written since the start, a stack trace being part of its record's text. Lines
     * before the first record are not log records (anything else printed to {@code System.err}).
     */
    public List<LogRecord> records() {
        String text = captured.toString(StandardCharsets.UTF_8);
        List<LogRecord> records = new ArrayList<>();
        for (String line : text.split("\\R")) {
            Matcher start = RECORD_START.matcher(line);
            if (start.matches()) {
                records.add(new LogRecord(Level.valueOf(start.group(1)), start.group(2), start.group(3)));
            } else if (!records.isEmpty() && !line.isEmpty()) {
                LogRecord last = records.remove(records.size() - 1);
                records.add(new LogRecord(last.level(), last.logger(), last.text() + "\n" + line));
            }
        }
        return records;
    }

    /** The records at {@code level} or above. */
    public List<LogRecord> recordsAtLeast(Level level) {
        return records().stream().filter(record -> record.level().toInt() >= level.toInt()).toList();
    }

    /** Restores {@code System.err}. */
    @Override
    public void close() {
        System.setErr(original);
    }

    /** One logged record: its level, logger name and text (message, then any stack trace). */
    public record LogRecord(Level level, String logger, String text) {
    }
}
