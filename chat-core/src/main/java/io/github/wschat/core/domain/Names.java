package io.github.wschat.core.domain;

import java.util.regex.Pattern;

/** Shared by the names' error messages: a bad value shown short and without control characters. */
final class Names {

    /** Every control character, C1 ones such as NEL (U+0085) too, which {@code \p{Cntrl}} (ASCII only) lets through. */
    static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private Names() {
    }

    static String printable(String value) {
        if (value == null) {
            return "null";
        }
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return '"' + CONTROL.matcher(shown).replaceAll("?") + '"';
    }

    /** {@code value} when it has 1 to {@code maxLength} characters, is not blank and holds no control character. */
    static String text(String what, String value, int maxLength) {
        java.util.Objects.requireNonNull(value, what);
        if (value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(what + " must have 1 to " + maxLength + " characters, not blank, has "
                    + value.length());
        }
        if (CONTROL.matcher(value).find()) {
            throw new IllegalArgumentException(what + " must not hold control characters: " + printable(value));
        }
        return value;
    }
}
