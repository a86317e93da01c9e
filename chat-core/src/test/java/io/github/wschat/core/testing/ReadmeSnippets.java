package io.github.wschat.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Keeps the READMEs' code true: a snippet lives in a test between {@code // tag::NAME[]} and
 * {@code // end::NAME[]}, where it is compiled and run, and the README must show the same lines.
 *
 * <pre>{@code
 * String snippet = ReadmeSnippets.snippet("src/test/java/com/example/ReadmeExampleTest.java", "readme");
 * assertThat(ReadmeSnippets.moduleReadme()).contains(snippet);
 * }</pre>
 */
public final class ReadmeSnippets {

    private ReadmeSnippets() {
    }

    /**
     * The lines between the tags of {@code name} in {@code source}, relative to the module, with
     * the indentation of the tag line removed.
     */
    public static String snippet(String source, String name) {
        List<String> lines = read(Path.of(source)).lines().toList();
        int begin = indexOfTag(lines, "// tag::" + name + "[]", source);
        int end = indexOfTag(lines, "// end::" + name + "[]", source);
        int indent = lines.get(begin).indexOf("//");
        return lines.subList(begin + 1, end).stream()
                .map(line -> line.length() >= indent ? line.substring(indent) : line.strip())
                .collect(Collectors.joining("\n"));
    }

    /** The README.md of the module whose tests run (Surefire's working directory is the module's). */
    public static String moduleReadme() {
        return read(Path.of("README.md"));
    }

    private static int indexOfTag(List<String> lines, String tag, String source) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(tag)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + tag + " in " + source);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
