package io.github.wschat.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The kit's README snippets live in tests, between {@code // tag::readme[]} and {@code // end::readme[]}
 * indented by 8, where they compile and run; the README must show the same lines.
 */
public final class KitReadme {

    private KitReadme() {
    }

    /** The lines of the test's {@code readme} tag, relative to the module, without the 8 spaces of indent. */
    public static String snippet(String testSource) throws IOException {
        List<String> source = Files.readAllLines(Path.of(testSource), StandardCharsets.UTF_8);
        return source.subList(source.indexOf("        // tag::readme[]") + 1,
                        source.indexOf("        // end::readme[]")).stream()
                .map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n"));
    }

    /** The module's README.md. */
    public static String text() throws IOException {
        return Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    }
}
