package io.github.wschat.core.contract;

import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.NewMessage;
import io.github.wschat.core.domain.RoomMessage;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.core.port.out.AppendResult;
import io.github.wschat.core.port.out.MessageLog;
import io.github.wschat.core.testing.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link MessageLog} must do. An adapter's test extends this class and says how to make an
 * empty log on the suite's clock and retention; every test here then runs against that adapter. The
 * suite moves the clock to make messages expire: the log must judge expiry by that clock (a message
 * expires {@code retention} after its {@code sentAt}).
 *
 * <pre>{@code
 * class MyMessageLogContractTest extends MessageLogContract {
 *     protected MessageLog createEmptyLog(Clock clock, Duration retention) {
 *         return MyMessageLog.builder().clock(clock).retention(retention).build();
 *     }
 * }
 * }</pre>
 */
public abstract class MessageLogContract {

    /** Where the suite's clock starts; logs keep at least millisecond precision. */
    protected static final Instant START = Instant.parse("2026-12-02T10:15:30.123Z");
    protected static final Duration RETENTION = MessageLog.DEFAULT_RETENTION;
    protected static final RoomName LOBBY = RoomName.of("lobby");
    protected static final RoomName TEAM = RoomName.of("private-team-a");
    protected static final UserRef ALICE = UserRef.of("7c9e6679-7425-40de-944b-e07fc1f90ae7", "Alice Ø'\"<b>");
    protected static final UserRef BOB = UserRef.of("anon:Bq3xkcNyoAMCJpQ=", "anonymous");

    private SettableClock clock;
    private MessageLog log;

    /**
     * A new log holding no message, judging expiry by {@code clock} and keeping messages for
     * {@code retention}; called before each test.
     */
    protected abstract MessageLog createEmptyLog(Clock clock, Duration retention);

    @BeforeEach
    void setUpLog() {
        clock = SettableClock.at(START);
        log = createEmptyLog(clock, RETENTION);
    }

    protected MessageLog log() {
        return log;
    }

    protected SettableClock clock() {
        return clock;
    }

    protected NewMessage message(RoomName room, String id, String text) {
        return new NewMessage(room, MessageId.of(id), ALICE, text, clock.instant());
    }

    @Test
    void given_an_empty_room_then_its_last_seq_is_0_and_its_history_empty() {
        HistoryPage page = log.read(LOBBY, 0, 100);

        assertThat(log.lastSeq(LOBBY)).isZero();
        assertThat(page).isEqualTo(new HistoryPage(List.of(), 0, false, false));
    }

    @Test
    void given_appends_to_a_room_then_they_get_seqs_1_2_3_and_every_field_is_kept() {
        NewMessage first = new NewMessage(LOBBY, MessageId.of("m-1"), ALICE, "héllo 🚀 \"<b>\"\n", clock.instant());

        AppendResult appended = log.append(first);
        log.append(new NewMessage(LOBBY, MessageId.of("m-2"), BOB, "two", clock.instant()));
        log.append(message(LOBBY, "m_3", "three"));

        assertThat(appended).isEqualTo(AppendResult.stored(RoomMessage.of(first, 1)));
        assertThat(log.lastSeq(LOBBY)).isEqualTo(3);
        HistoryPage page = log.read(LOBBY, 0, 100);
        assertThat(page.messages()).extracting(RoomMessage::seq).containsExactly(1L, 2L, 3L);
        assertThat(page.messages().get(0)).isEqualTo(RoomMessage.of(first, 1));
        assertThat(page.messages().get(1).from()).isEqualTo(BOB);
        assertThat(page.lastSeq()).isEqualTo(3);
        assertThat(page.more()).isFalse();
        assertThat(page.truncated()).isFalse();
    }

    @Test
    void rooms_have_their_own_sequences() {
        log.append(message(LOBBY, "a", "1"));
        log.append(message(TEAM, "a", "1"));
        log.append(message(LOBBY, "b", "2"));

        assertThat(log.append(message(TEAM, "b", "2")).message().seq()).isEqualTo(2);
        assertThat(log.append(message(LOBBY, "c", "3")).message().seq()).isEqualTo(3);
        assertThat(log.read(TEAM, 0, 100).messages()).extracting(RoomMessage::room).containsOnly(TEAM);
        assertThat(log.lastSeq(RoomName.of("other"))).isZero();
    }

    @Test
    void given_8_concurrent_publishers_of_250_messages_then_2000_distinct_seqs_1_to_2000_read_back_in_order()
            throws Exception {
        int threads = 8;
        int perThread = 250;
        ExecutorService publishers = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Long>>> seqs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int publisher = t;
                seqs.add(publishers.submit(() -> {
                    start.await();
                    List<Long> mine = new ArrayList<>(perThread);
                    for (int i = 0; i < perThread; i++) {
                        mine.add(log.append(message(LOBBY, "p" + publisher + "-" + i, "message " + i)).message().seq());
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> mine : seqs) {
                List<Long> published = mine.get(300, TimeUnit.SECONDS);
                assertThat(published).as("one publisher's seqs ascend").isSorted();
                all.addAll(published);
            }

            assertThat(all).hasSize(2_000).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 2_000).boxed().toList());
            assertThat(log.lastSeq(LOBBY)).isEqualTo(2_000);
            List<HistoryPage> pages = readAll(LOBBY, 0, 100);
            assertThat(pages).hasSize(20);
            assertThat(pages).allSatisfy(page -> assertThat(page.messages()).hasSize(100));
            assertThat(pages.subList(0, 19)).allSatisfy(page -> assertThat(page.more()).isTrue());
            assertThat(pages.get(19).more()).isFalse();
            assertThat(pages.stream().flatMap(page -> page.messages().stream()).map(RoomMessage::seq).toList())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 2_000).boxed().toList());
        } finally {
            publishers.shutdownNow();
        }
    }

    @Test
    void given_an_id_the_room_has_when_appended_again_then_the_first_message_is_answered_and_nothing_stored() {
        RoomMessage first = log.append(message(LOBBY, "m1", "first")).message();
        log.append(message(LOBBY, "m2", "second"));
        clock.advance(Duration.ofMinutes(5));

        AppendResult again = log.append(new NewMessage(LOBBY, MessageId.of("m1"), BOB, "changed", clock.instant()));

        assertThat(again).isEqualTo(AppendResult.duplicate(first));
        assertThat(log.lastSeq(LOBBY)).isEqualTo(2);
        assertThat(log.read(LOBBY, 0, 100).messages()).extracting(RoomMessage::text).containsExactly("first", "second");
        assertThat(log.append(message(TEAM, "m1", "in another room")).duplicate()).as("ids are per room").isFalse();
    }

    @Test
    void given_5_concurrent_appends_of_one_id_then_one_is_stored_under_one_seq_and_all_answer_it() throws Exception {
        log.append(message(LOBBY, "before", "x"));
        ExecutorService retries = Executors.newFixedThreadPool(5);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<AppendResult>> appends = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                appends.add(retries.submit(() -> {
                    start.await();
                    return log.append(message(LOBBY, "retried", "once"));
                }));
            }
            start.countDown();
            List<AppendResult> results = new ArrayList<>();
            for (Future<AppendResult> append : appends) {
                results.add(append.get(60, TimeUnit.SECONDS));
            }

            assertThat(results).filteredOn(result -> !result.duplicate()).hasSize(1);
            assertThat(results).extracting(result -> result.message().seq()).containsOnly(2L);
            assertThat(log.lastSeq(LOBBY)).isEqualTo(2);
            assertThat(log.read(LOBBY, 0, 100).messages()).hasSize(2);
        } finally {
            retries.shutdownNow();
        }
    }

    @Test
    void a_read_after_a_seq_answers_at_most_limit_messages_after_it_and_says_whether_more_follow() {
        IntStream.rangeClosed(1, 5).forEach(i -> log.append(message(LOBBY, "m" + i, "text " + i)));

        HistoryPage middle = log.read(LOBBY, 2, 2);
        HistoryPage end = log.read(LOBBY, 4, 2);
        HistoryPage past = log.read(LOBBY, 5, 100);

        assertThat(middle.messages()).extracting(RoomMessage::seq).containsExactly(3L, 4L);
        assertThat(middle.more()).isTrue();
        assertThat(end.messages()).extracting(RoomMessage::seq).containsExactly(5L);
        assertThat(end.more()).isFalse();
        assertThat(past).isEqualTo(new HistoryPage(List.of(), 5, false, false));
        assertThat(log.read(LOBBY, 99, 1)).isEqualTo(new HistoryPage(List.of(), 5, false, false));
        assertThat(log.read(LOBBY, 3, 2).more()).as("exactly the rest").isFalse();
    }

    @Test
    void a_read_takes_a_limit_of_1_to_100_and_no_negative_seq() {
        log.append(message(LOBBY, "m1", "x"));

        assertThat(log.read(LOBBY, 0, 1).messages()).hasSize(1);
        assertThat(log.read(LOBBY, 0, MessageLog.MAX_READ_LIMIT).messages()).hasSize(1);
        assertThatThrownBy(() -> log.read(LOBBY, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.read(LOBBY, 0, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.read(LOBBY, -1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_messages_past_the_retention_then_they_are_not_returned_and_a_read_reaching_back_to_them_is_truncated() {
        IntStream.rangeClosed(1, 3).forEach(i -> log.append(message(LOBBY, "old" + i, "old " + i)));
        clock.advance(Duration.ofDays(1));
        IntStream.rangeClosed(4, 5).forEach(i -> log.append(message(LOBBY, "new" + i, "new " + i)));

        clock.advance(RETENTION.minus(Duration.ofDays(1)).plus(Duration.ofHours(1)));

        HistoryPage fromStart = log.read(LOBBY, 0, 100);
        assertThat(fromStart.messages()).extracting(RoomMessage::seq).containsExactly(4L, 5L);
        assertThat(fromStart.truncated()).isTrue();
        assertThat(fromStart.lastSeq()).isEqualTo(5);
        assertThat(log.read(LOBBY, 2, 1).messages()).extracting(RoomMessage::seq).containsExactly(4L);
        assertThat(log.read(LOBBY, 2, 1).truncated()).isTrue();
        HistoryPage afterExpired = log.read(LOBBY, 3, 100);
        assertThat(afterExpired.messages()).extracting(RoomMessage::seq).containsExactly(4L, 5L);
        assertThat(afterExpired.truncated()).as("nothing after seq 3 expired").isFalse();
    }

    @Test
    void given_every_message_expired_then_history_is_empty_and_truncated_and_seqs_go_on_never_reused() {
        IntStream.rangeClosed(1, 3).forEach(i -> log.append(message(LOBBY, "m" + i, "text " + i)));
        clock.advance(RETENTION.plus(Duration.ofHours(1)));

        HistoryPage page = log.read(LOBBY, 0, 100);

        assertThat(page.messages()).isEmpty();
        assertThat(page.truncated()).isTrue();
        assertThat(page.more()).isFalse();
        assertThat(log.lastSeq(LOBBY)).isEqualTo(3);
        assertThat(log.append(message(LOBBY, "m4", "later")).message().seq()).isEqualTo(4);
        assertThat(log.read(LOBBY, 3, 100).messages()).extracting(RoomMessage::seq).containsExactly(4L);
    }

    @Test
    void given_messages_within_the_retention_then_nothing_is_truncated() {
        log.append(message(LOBBY, "m1", "x"));
        clock.advance(RETENTION.minus(Duration.ofHours(1)));

        HistoryPage page = log.read(LOBBY, 0, 100);

        assertThat(page.messages()).hasSize(1);
        assertThat(page.truncated()).isFalse();
    }

    /** Every page of a room after {@code after}, in pages of {@code limit}, until {@code more} is false. */
    protected List<HistoryPage> readAll(RoomName room, long after, int limit) {
        List<HistoryPage> pages = new ArrayList<>();
        long from = after;
        while (true) {
            HistoryPage page = log.read(room, from, limit);
            pages.add(page);
            if (!page.more()) {
                return pages;
            }
            from = page.nextAfter(from);
        }
    }
}
