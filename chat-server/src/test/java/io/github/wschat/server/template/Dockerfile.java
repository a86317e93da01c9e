package io.github.wschat.server.template;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Dockerfile read as its instructions, in order: continuation lines joined, comments and blank lines left
 * out, the instruction's keyword upper-cased. Enough to check what a build would do where no container
 * runtime is at hand; not a full parser (no parser directives, no heredocs, no escape other than {@code \}).
 */
record Dockerfile(List<Instruction> instructions) {

    record Instruction(String keyword, String arguments) {

        /** The arguments of an exec-form instruction ({@code ["java", "-jar", …]}), a JSON array. */
        List<String> execForm() {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(arguments);
            if (!(parsed instanceof List<?> list)) {
                throw new IllegalArgumentException(keyword + " is not in exec form: " + arguments);
            }
            return list.stream().map(String::valueOf).toList();
        }
    }

    static Dockerfile read(Path file) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.startsWith("#")) {
                continue; // a comment inside a continued instruction
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String text = current.toString().strip();
            int space = text.indexOf(' ');
            instructions.add(new Instruction(text.substring(0, space < 0 ? text.length() : space).toUpperCase(Locale.ROOT),
                    space < 0 ? "" : text.substring(space + 1).strip()));
            current.setLength(0);
        }
        return new Dockerfile(List.copyOf(instructions));
    }

    /** The instructions of {@code keyword}, in order. */
    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** The last instruction of {@code keyword}: the one in force for USER, ENTRYPOINT, WORKDIR… */
    Instruction last(String keyword) {
        List<Instruction> all = all(keyword);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no " + keyword + " instruction");
        }
        return all.get(all.size() - 1);
    }
}
