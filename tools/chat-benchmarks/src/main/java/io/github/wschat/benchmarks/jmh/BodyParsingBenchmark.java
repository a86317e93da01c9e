package io.github.wschat.benchmarks.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wschat.core.domain.SendMessageBody;
import io.github.wschat.json.SendMessageBodyParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Reading the tutorial's {@code sendmessage} body, warm: this project's {@link SendMessageBodyParser}
 * (jackson-jr, with its checks: one JSON object, a string {@code message}) against the usual
 * {@code new ObjectMapper().readTree(body).get("message").asText()} of Jackson databind. Per call, in ns.
 * Explains that the parser is not where a broadcast's time goes; its reason to exist is cold start and
 * clear errors.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BodyParsingBenchmark {

    private static final String BODY = "{\"action\":\"sendmessage\",\"message\":\"hello, everyone!\"}";

    private final SendMessageBodyParser parser = new SendMessageBodyParser();
    private final ObjectMapper mapper = new ObjectMapper();

    /** This project's parser. */
    @Benchmark
    public SendMessageBody jacksonJrParser() {
        return parser.parse(BODY);
    }

    /** Jackson databind's tree model, as most examples read a body. */
    @Benchmark
    public String jacksonDatabindTree() throws IOException {
        return mapper.readTree(BODY).get("message").asText();
    }
}
