package io.github.wschat.example;

/** Runs the priming in a JVM of its own and prints its report: see {@link SnapStartPrimingTest}. */
final class PrimingMain {

    static final String REPORT_PREFIX = "priming report: ";

    private PrimingMain() {
    }

    public static void main(String[] args) {
        System.out.println(REPORT_PREFIX + SnapStartPriming.prime());
    }
}
