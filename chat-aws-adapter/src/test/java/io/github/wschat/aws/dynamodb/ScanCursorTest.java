package io.github.wschat.aws.dynamodb;

import io.github.wschat.aws.dynamodb.ScanCursor.Position;
import io.github.wschat.core.port.out.PageCursor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The page cursor token: what it holds, and that it reads back only what was written. */
class ScanCursorTest {

    @Test
    void given_a_cursor_of_every_segment_when_encoded_and_decoded_then_it_is_the_same() {
        ScanCursor cursor = new ScanCursor(List.of(Position.after("Bq3xkcNyoAMCJpQ="), Position.DONE, Position.START));

        PageCursor token = cursor.encode();

        assertThat(token.token()).isEqualTo("v2.3.QnEzeGtjTnlvQU1DSnBRPQ.~.");
        assertThat(ScanCursor.decode(token, 3)).isEqualTo(cursor);
    }

    @Test
    void given_a_plain_scan_when_encoded_then_the_token_holds_its_one_key() {
        ScanCursor cursor = new ScanCursor(List.of(Position.after("conn-1")));

        assertThat(cursor.encode().token()).isEqualTo("v2.1.Y29ubi0x");
        assertThat(ScanCursor.decode(cursor.encode(), 1).positions()).containsExactly(Position.after("conn-1"));
    }

    @Test
    void given_a_key_of_any_unicode_when_encoded_and_decoded_then_it_is_the_same() {
        // keys come from the table, which others may have written
        ScanCursor cursor = new ScanCursor(List.of(Position.DONE, Position.after("ключ/with.dots/😀")));

        assertThat(ScanCursor.decode(cursor.encode(), 2)).isEqualTo(cursor);
        assertThat(cursor.encode().token()).matches("v2\\.2\\.~\\.[A-Za-z0-9_-]+");
    }

    @Test
    void the_first_page_is_every_segment_yet_to_start() {
        assertThat(ScanCursor.firstPage(3)).containsExactly(Position.START, Position.START, Position.START);
    }

    @Test
    void given_a_token_made_for_another_segment_count_when_decoded_then_refused() {
        PageCursor token = new ScanCursor(List.of(Position.after("A"), Position.START)).encode();

        assertThatIllegalArgumentException().isThrownBy(() -> ScanCursor.decode(token, 3))
                .withMessageContaining("made for a scan in 2 segments, this store scans in 3");
    }

    @Test
    void given_a_token_of_the_first_version_when_decoded_then_refused() {
        // v1 named one segment at a time: segment 0 after the key "conn-1"
        assertThatIllegalArgumentException().isThrownBy(() -> ScanCursor.decode(PageCursor.of("v1.0.1.Y29ubi0x"), 1))
                .withMessageContaining("unknown format");
    }

    @Test
    void given_an_oversized_token_when_decoded_then_refused_without_parsing() {
        PageCursor token = PageCursor.of("v2.1." + "A".repeat(10_000));

        assertThatIllegalArgumentException().isThrownBy(() -> ScanCursor.decode(token, 1))
                .withMessageContaining("characters long");
    }

    @Test
    void given_a_key_longer_than_dynamodb_allows_when_decoded_then_refused() {
        PageCursor token = new ScanCursor(List.of(Position.after("k".repeat(2049)))).encode();

        assertThatIllegalArgumentException().isThrownBy(() -> ScanCursor.decode(token, 1))
                .withMessageContaining("2049 bytes");
    }

    @Test
    void given_the_longest_keys_in_every_segment_when_encoded_and_decoded_then_the_same() {
        String longest = "k".repeat(2048);
        ScanCursor cursor = new ScanCursor(List.of(Position.after(longest), Position.after(longest)));

        assertThat(ScanCursor.decode(cursor.encode(), 2)).isEqualTo(cursor);
    }

    @Test
    void a_cursor_can_name_neither_the_first_page_nor_the_end() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ScanCursor(ScanCursor.firstPage(3)));
        assertThatIllegalArgumentException().isThrownBy(() -> new ScanCursor(List.of(Position.DONE, Position.DONE)));
        assertThatIllegalArgumentException().isThrownBy(() -> ScanCursor.decode(PageCursor.of("v2.2.."), 2))
                .withMessageContaining("every segment is yet to start");
        assertThatIllegalArgumentException().isThrownBy(() -> ScanCursor.decode(PageCursor.of("v2.2.~.~"), 2))
                .withMessageContaining("every segment is done");
    }
}
