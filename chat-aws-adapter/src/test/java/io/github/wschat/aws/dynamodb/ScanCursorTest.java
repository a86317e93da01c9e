package io.github.wschat.aws.dynamodb;

import io.github.wschat.core.port.out.PageCursor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The page cursor token: what it holds, and that it reads back only what was written. */
class ScanCursorTest {

    @Test
    void given_a_cursor_inside_a_segment_when_encoded_and_decoded_then_it_is_the_same() {
        ScanCursor cursor = ScanCursor.after(2, 3, "Bq3xkcNyoAMCJpQ=");

        PageCursor token = cursor.encode();

        assertThat(token.token()).isEqualTo("v1.2.3.QnEzeGtjTnlvQU1DSnBRPQ");
        assertThat(ScanCursor.decode(token, 3)).isEqualTo(cursor);
    }

    @Test
    void given_a_key_of_any_unicode_when_encoded_and_decoded_then_it_is_the_same() {
        // keys come from the table, which others may have written
        ScanCursor cursor = ScanCursor.after(0, 1, "ключ/with.dots/😀");

        assertThat(ScanCursor.decode(cursor.encode(), 1)).isEqualTo(cursor);
        assertThat(cursor.encode().token()).matches("v1\\.0\\.1\\.[A-Za-z0-9_-]+");
    }

    @Test
    void given_the_start_of_a_later_segment_when_encoded_and_decoded_then_it_has_no_key() {
        ScanCursor cursor = ScanCursor.startOf(1, 3);

        assertThat(cursor.encode().token()).isEqualTo("v1.1.3.");
        assertThat(ScanCursor.decode(cursor.encode(), 3).startKey()).isEmpty();
    }

    @Test
    void given_a_token_made_for_another_segment_count_when_decoded_then_refused() {
        PageCursor token = ScanCursor.after(0, 2, "A").encode();

        assertThatIllegalArgumentException().isThrownBy(() -> ScanCursor.decode(token, 3))
                .withMessageContaining("made for a scan in 2 segments, this store scans in 3");
    }

    @Test
    void given_an_oversized_token_when_decoded_then_refused_without_parsing() {
        PageCursor token = PageCursor.of("v1.0.1." + "A".repeat(10_000));

        assertThatIllegalArgumentException().isThrownBy(() -> ScanCursor.decode(token, 1))
                .withMessageContaining("characters long");
    }

    @Test
    void given_a_key_longer_than_dynamodb_allows_when_decoded_then_refused() {
        PageCursor token = ScanCursor.after(0, 1, "k".repeat(2049)).encode();

        assertThatIllegalArgumentException().isThrownBy(() -> ScanCursor.decode(token, 1))
                .withMessageContaining("2049 bytes");
    }

    @Test
    void a_cursor_cannot_name_the_start_of_the_first_segment_nor_a_segment_beyond_the_last() {
        assertThatIllegalArgumentException().isThrownBy(() -> ScanCursor.startOf(0, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> ScanCursor.after(3, 3, "A"));
    }
}
