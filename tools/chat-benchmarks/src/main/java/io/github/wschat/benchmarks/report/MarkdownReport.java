package io.github.wschat.benchmarks.report;

import java.util.Locale;

/** What the reports share: a Markdown text written a line at a time, numbers formatted in the root locale. */
abstract class MarkdownReport {

    private final StringBuilder out = new StringBuilder();

    /** The text written so far. */
    final String text() {
        return out.toString();
    }

    /** An empty line. */
    final void line() {
        out.append('\n');
    }

    /** {@code text} as it is, and a line break. */
    final void line(String text) {
        out.append(text).append('\n');
    }

    /** {@code format} filled in with {@code args} ({@link String#format}, root locale), and a line break. */
    final void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
