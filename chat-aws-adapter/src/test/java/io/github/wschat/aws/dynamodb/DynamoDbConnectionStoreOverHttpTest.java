package io.github.wschat.aws.dynamodb;

import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.Connection;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.port.out.ConnectionPage;
import io.github.wschat.core.port.out.ConnectionStoreException;
import io.github.wschat.core.port.out.PageRequest;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import io.github.wschat.testkit.dynamodb.DynamoDbTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.github.wschat.aws.dynamodb.DynamoDbConnectionStore.CONNECTED_AT;
import static io.github.wschat.aws.dynamodb.DynamoDbConnectionStore.CONNECTION_ID;
import static io.github.wschat.aws.dynamodb.DynamoDbConnectionStore.USER_AGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store over HTTP against DynamoDB Local as a loopback server, with a client that records every
 * Scan call: a table larger than 3 MB read whole through several 1 MB pages, the Scans of a parallel
 * scan's pages and that they are in flight at once, and a server that went away.
 */
class DynamoDbConnectionStoreOverHttpTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final int LARGE_TABLE_ITEMS = 360;
    /** About 12 KB an item: 360 items make about 4.3 MB, well over three 1 MB Scan pages. */
    private static final int PADDING_CHARACTERS = 12_000;

    private static DynamoDbLocalServer server;
    private static DynamoDbClient client;
    private static final List<ScanRequest> scans = new CopyOnWriteArrayList<>();

    private String table;
    private DynamoDbConnectionStore store;

    @BeforeAll
    static void startServer() throws Exception {
        server = DynamoDbLocalServer.start();
        client = server.newClient(new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof ScanRequest scan) {
                    scans.add(scan);
                }
            }
        });
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void createTable() {
        table = DynamoDbTables.createConnectionsTable(client);
        store = DynamoDbConnectionStore.builder().dynamoDbClient(client).tableName(table).clock(CLOCK).build();
        scans.clear();
    }

    @AfterEach
    void dropTable() {
        DynamoDbTables.deleteTable(client, table);
    }

    @Test
    void given_a_table_larger_than_3_mb_when_paged_then_every_connection_comes_exactly_once_over_more_than_3_scans() {
        List<String> saved = IntStream.range(0, LARGE_TABLE_ITEMS).mapToObj(i -> "big-" + i).toList();
        DynamoDbTables.batchWrite(client, table, saved.stream().map(DynamoDbConnectionStoreOverHttpTest::paddedItem).toList());
        int pageSize = 1_000;

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        int findPageCalls = 0;
        while (true) {
            ConnectionPage page = store.findPage(request);
            findPageCalls++;
            // one page, one Scan: the next page is not read before it is asked for
            assertThat(scans).hasSize(findPageCalls);
            page.connections().forEach(c -> seen.add(c.id().value()));
            if (page.next().isEmpty()) {
                break;
            }
            pageSizes.add(page.connections().size());
            request = request.after(page.next().get());
        }

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(saved);
        assertThat(scans).hasSizeGreaterThan(3)
                .allSatisfy(scan -> assertThat(scan.limit()).isEqualTo(pageSize));
        // pages that had a next cursor were cut by DynamoDB's 1 MB, not by the page size
        assertThat(pageSizes).hasSizeGreaterThan(3).allSatisfy(size -> assertThat(size).isLessThan(pageSize));
    }

    @Test
    void given_three_scan_segments_when_paged_then_each_page_scans_every_segment_not_done_once_and_each_connection_comes_once() {
        List<String> saved = IntStream.range(0, 150).mapToObj(i -> "seg-" + i).toList();
        saved.forEach(id -> store.save(Connection.of(ConnectionId.of(id), NOW, ClientIdentity.UNKNOWN)));
        DynamoDbConnectionStore segmented = store.toBuilder().scanSegments(3).build();
        int pageSize = 20;

        List<String> seen = new ArrayList<>();
        List<List<ScanRequest>> scansByPage = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            scans.clear();
            ConnectionPage page = segmented.findPage(request);
            scansByPage.add(List.copyOf(scans));
            page.connections().forEach(c -> seen.add(c.id().value()));
            if (page.next().isEmpty()) {
                break;
            }
            request = request.after(page.next().get());
        }

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(saved);
        assertThat(scansByPage).hasSizeGreaterThan(3);
        assertThat(segmentsOf(scansByPage.get(0))).as("the first page starts every segment")
                .containsExactlyInAnyOrder(0, 1, 2);
        assertThat(scansByPage.get(0)).allSatisfy(scan -> assertThat(scan.exclusiveStartKey()).isEmpty());
        for (int page = 0; page < scansByPage.size(); page++) {
            List<ScanRequest> pageScans = scansByPage.get(page);
            assertThat(pageScans).allSatisfy(scan -> assertThat(scan.totalSegments()).isEqualTo(3));
            assertThat(segmentsOf(pageScans)).as("one Scan a segment on page %d", page).doesNotHaveDuplicates();
            // the page size shared out evenly: 7 + 7 + 6, 10 + 10, or 20
            List<Integer> limits = pageScans.stream().map(ScanRequest::limit).toList();
            assertThat(limits.stream().mapToInt(Integer::intValue).sum()).isEqualTo(pageSize);
            assertThat(Collections.max(limits) - Collections.min(limits)).isLessThanOrEqualTo(1);
            if (page > 0) {
                // a segment once done is not scanned again; the others go on after their last key
                assertThat(segmentsOf(scansByPage.get(page - 1))).containsAll(segmentsOf(pageScans));
                assertThat(pageScans).allSatisfy(scan -> assertThat(scan.exclusiveStartKey()).isNotEmpty());
            }
        }
    }

    @Test
    void given_three_scan_segments_when_a_page_is_read_then_its_three_scans_are_in_flight_at_once_on_daemon_threads() {
        List<String> saved = IntStream.range(0, 30).mapToObj(i -> "par-" + i).toList();
        saved.forEach(id -> store.save(Connection.of(ConnectionId.of(id), NOW, ClientIdentity.UNKNOWN)));
        CountDownLatch sent = new CountDownLatch(3);
        List<Thread> scanThreads = new CopyOnWriteArrayList<>();
        DynamoDbClient gated = server.newClient(new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (!(context.request() instanceof ScanRequest)) {
                    return;
                }
                scanThreads.add(Thread.currentThread());
                sent.countDown();
                // no Scan goes to the server before all three are about to: Scans made one after
                // the other would never all get here, and the first would give up
                awaitAll(sent, 3);
            }
        });
        DynamoDbConnectionStore segmented = store.toBuilder().dynamoDbClient(gated).scanSegments(3).build();

        ConnectionPage page = segmented.findPage(PageRequest.first(100));

        assertThat(page.connections()).extracting(c -> c.id().value()).containsExactlyInAnyOrderElementsOf(saved);
        assertThat(page.next()).isEmpty();
        assertThat(scanThreads).hasSize(3).doesNotContain(Thread.currentThread()).doesNotHaveDuplicates()
                .allSatisfy(thread -> assertThat(thread.isDaemon()).isTrue());
    }

    @Test
    void given_a_stopped_server_when_any_operation_runs_then_it_fails_with_the_sdk_client_exception_as_cause() throws Exception {
        try (DynamoDbLocalServer stopped = DynamoDbLocalServer.start()) {
            DynamoDbClient orphan = stopped.newClient(ClientOverrideConfiguration.builder()
                    .retryStrategy(AwsRetryStrategy.doNotRetry()).build());
            DynamoDbConnectionStore unreachable = store.toBuilder().dynamoDbClient(orphan).build();
            stopped.stopServer();

            assertThatThrownBy(() -> unreachable.findPage(PageRequest.first(10)))
                    .isInstanceOf(ConnectionStoreException.class)
                    .hasMessageContaining("Scan").hasMessageContaining("'" + table + "'")
                    .cause().isInstanceOf(SdkClientException.class);
            assertThatThrownBy(() -> unreachable.save(Connection.of(ConnectionId.of("A"), NOW, ClientIdentity.UNKNOWN)))
                    .isInstanceOf(ConnectionStoreException.class)
                    .hasMessageContaining("PutItem")
                    .cause().isInstanceOf(SdkClientException.class);
        }
    }

    private static List<Integer> segmentsOf(List<ScanRequest> pageScans) {
        return pageScans.stream().map(ScanRequest::segment).toList();
    }

    /** Waits for the other Scans of the page; a bound, not a pause: it is over as soon as they come. */
    private static void awaitAll(CountDownLatch sent, int scans) {
        try {
            if (sent.await(30, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("only " + (scans - sent.getCount()) + " of the page's " + scans
                + " Scans were sent at once");
    }

    private static Map<String, AttributeValue> paddedItem(String id) {
        return Map.of(
                CONNECTION_ID, AttributeValue.fromS(id),
                CONNECTED_AT, AttributeValue.fromN(Long.toString(NOW.toEpochMilli())),
                USER_AGENT, AttributeValue.fromS("wscat/6.1.0"),
                "ttl", AttributeValue.fromN(Long.toString(NOW.plus(Duration.ofHours(2)).getEpochSecond())),
                // an attribute the store does not know, as another application might add
                "padding", AttributeValue.fromS("x".repeat(PADDING_CHARACTERS)));
    }
}
