package io.github.wschat.benchmarks.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The machine the benchmarks ran on, as the report states it.
 *
 * @param processors    available processors (what {@code nproc} says)
 * @param memory        {@code MemTotal} of {@code /proc/meminfo}
 * @param cpuModel      the first {@code model name} of {@code /proc/cpuinfo}
 * @param os            name, version, architecture
 * @param javaVersion   what {@code java -version} prints
 * @param openFilesLimit the soft {@code Max open files} of this process
 */
public record Machine(int processors, String memory, String cpuModel, String os, List<String> javaVersion,
                      String openFilesLimit) {

    /** This machine. */
    public static Machine describe() {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                firstLine(Path.of("/proc/meminfo"), "MemTotal:").map(Machine::gibibytes).orElse("unknown"),
                firstLine(Path.of("/proc/cpuinfo"), "model name").map(line -> line.substring(line.indexOf(':') + 1).trim())
                        .orElse("unknown"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                runJavaVersion(),
                firstLine(Path.of("/proc/self/limits"), "Max open files").map(line -> line.split("\\s{2,}")[1].trim())
                        .orElse("unknown"));
    }

    /** The report's machine table, a Markdown row a line, the header rows first. */
    public List<String> tableRows() {
        return List.of(
                "| machine | |",
                "|---|---|",
                "| CPUs (`nproc`) | " + processors + " |",
                "| memory | " + memory + " |",
                "| CPU model | " + cpuModel + " |",
                "| OS | " + os + " |",
                "| Java (`java -version`) | " + String.join("<br>", javaVersion) + " |",
                "| open files limit (soft) | " + openFilesLimit + " |");
    }

    private static String gibibytes(String memTotal) {
        long kib = Long.parseLong(memTotal.replaceAll("[^0-9]", ""));
        return String.format("%.1f GiB", kib / 1024.0 / 1024.0);
    }

    private static Optional<String> firstLine(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<String> runJavaVersion() {
        try {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                    .redirectErrorStream(true).start();
            String text;
            try (InputStream out = process.getInputStream()) {
                text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            process.waitFor(30, TimeUnit.SECONDS);
            return text.lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            return List.of(System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(System.getProperty("java.runtime.version"));
        }
    }
}
