package io.github.wschat.benchmarks.housefixture;

/** A tool that prints from its main method only, as the house rules allow. */
public final class PrintsInMainOnly {

    private PrintsInMainOnly() {
    }

    public static void main(String[] args) {
        Runnable greeting = () -> System.out.println("allowed: a lambda inside a tool's main method");
        greeting.run();
    }
}
