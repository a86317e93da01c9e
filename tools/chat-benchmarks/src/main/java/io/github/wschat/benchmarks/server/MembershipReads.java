package io.github.wschat.benchmarks.server;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the read work done on the memberships table in the rooms benchmark's server: every Query and every
 * Scan call of it (pages), the items DynamoDB read for them ({@code ScannedCount}), the items they returned
 * ({@code Count}) and the read capacity they consumed. An SDK {@link ExecutionInterceptor} registered through
 * the SDK's global interceptor file ({@link #writeRegistration}), which only the server JVM of the rooms stage
 * has on its classpath, so that the example's handlers are counted as they are, unchanged; the only change to
 * their requests is {@code ReturnConsumedCapacity=TOTAL} on those two calls, for the capacity.
 *
 * <p>The counts are of the whole JVM; the benchmark sends one publish at a time, and the server's wrapper
 * ({@link #counting}) resets them as each publish starts and reads them ({@link #take}) when it returns.
 */
public final class MembershipReads implements ExecutionInterceptor {

    /** Where the SDK looks for global interceptors on the classpath. */
    static final String REGISTRATION = "software/amazon/awssdk/global/handlers/execution.interceptors";

    private static final AtomicLong QUERIES = new AtomicLong();
    private static final AtomicLong SCANS = new AtomicLong();
    private static final AtomicLong SCANNED = new AtomicLong();
    private static final AtomicLong RETURNED = new AtomicLong();
    /** Read capacity units in millionths, so that one counter adds them; -1 while none was reported. */
    private static final AtomicLong CAPACITY_MICRO_UNITS = new AtomicLong(-1);

    private final String table;

    /** Made by the SDK, once per client: counts the table {@code MEMBERSHIPS_TABLE_NAME} names. */
    public MembershipReads() {
        this(RoomTables.fromEnvironment().map(RoomTables::memberships).orElse(null));
    }

    /** Counts the reads of {@code table} (none when null). */
    MembershipReads(String table) {
        this.table = table;
    }

    /**
     * The read work of one publish.
     *
     * @param queries  Query calls of the memberships table (pages of a room, the project's read)
     * @param scans    Scan calls of it (pages of the whole table, the baseline's read)
     * @param scanned  items DynamoDB read for them, before any filter
     * @param returned items they returned
     * @param capacity read capacity units consumed, as DynamoDB Local reports them; negative when it reported none
     */
    public record Count(long queries, long scans, long scanned, long returned, double capacity) {

        /** Calls of either kind: pages read. */
        public long pages() {
            return queries + scans;
        }

        /** As the server's done note carries it: five space-separated fields. */
        String note() {
            return queries + " " + scans + " " + scanned + " " + returned + " " + String.format(Locale.ROOT, "%.1f", capacity);
        }

        /** The count in {@code fields[from..from+4]} of a done note. */
        public static Count parse(String[] fields, int from) {
            return new Count(Long.parseLong(fields[from]), Long.parseLong(fields[from + 1]), Long.parseLong(fields[from + 2]),
                    Long.parseLong(fields[from + 3]), Double.parseDouble(fields[from + 4]));
        }
    }

    /**
     * Writes the SDK's registration of this interceptor under {@code directory}, to put on a server JVM's
     * classpath ahead of the rest.
     */
    public static Path writeRegistration(Path directory) throws java.io.IOException {
        Path file = directory.resolve(REGISTRATION);
        Files.createDirectories(file.getParent());
        Files.writeString(file, MembershipReads.class.getName() + System.lineSeparator());
        return directory;
    }

    /** {@code handler}, resetting the counts as each invocation starts. */
    public static RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> counting(
            RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler) {
        return (event, context) -> {
            take();
            return handler.handleRequest(event, context);
        };
    }

    /** The counts since the last call, which are reset. */
    public static Count take() {
        long capacity = CAPACITY_MICRO_UNITS.getAndSet(-1);
        return new Count(QUERIES.getAndSet(0), SCANS.getAndSet(0), SCANNED.getAndSet(0), RETURNED.getAndSet(0),
                capacity < 0 ? -1 : capacity / 1e6);
    }

    /** {@link #take()} as the done note's extra fields. */
    public static String takeNote() {
        return take().note();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes executionAttributes) {
        SdkRequest request = context.request();
        if (request instanceof QueryRequest query && counted(query.tableName())) {
            return query.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof ScanRequest scan && counted(scan.tableName())) {
            return scan.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes executionAttributes) {
        SdkRequest request = context.request();
        SdkResponse response = context.response();
        if (request instanceof QueryRequest query && counted(query.tableName()) && response instanceof QueryResponse page) {
            QUERIES.incrementAndGet();
            add(page.scannedCount(), page.count(), page.consumedCapacity());
        } else if (request instanceof ScanRequest scan && counted(scan.tableName()) && response instanceof ScanResponse page) {
            SCANS.incrementAndGet();
            add(page.scannedCount(), page.count(), page.consumedCapacity());
        }
    }

    private boolean counted(String tableName) {
        return table != null && table.equals(tableName);
    }

    private static void add(Integer scanned, Integer returned, ConsumedCapacity capacity) {
        SCANNED.addAndGet(scanned == null ? 0 : scanned);
        RETURNED.addAndGet(returned == null ? 0 : returned);
        if (capacity != null && capacity.capacityUnits() != null) {
            long units = Math.round(capacity.capacityUnits() * 1e6);
            CAPACITY_MICRO_UNITS.accumulateAndGet(units, (sum, add) -> Math.max(sum, 0) + add);
        }
    }
}
