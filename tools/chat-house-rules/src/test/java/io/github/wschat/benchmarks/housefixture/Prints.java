package io.github.wschat.benchmarks.housefixture;

/** A tool that prints from its main method, allowed, and from another method, refused. */
public final class Prints {

    private Prints() {
    }

    public static void main(String[] args) {
        System.out.println("allowed: a tool's main method");
    }

    public static void report() {
        System.err.println("refused: not a main method");
    }
}
