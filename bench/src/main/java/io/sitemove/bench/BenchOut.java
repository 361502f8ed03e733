package io.sitemove.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Prints results in the one format the notes quote. */
public final class BenchOut {
    private final PrintStream out;

    public BenchOut(PrintStream out) {
        this.out = out;
    }

    /** {@code BENCH suite case sitemove=S peer=S ratio=R}: seconds, sitemove's first. */
    public synchronized void compare(String suite, String kase, double sitemoveSeconds, String peer, double peerSeconds) {
        out.printf(Locale.ROOT, "BENCH %s %s sitemove=%.3f %s=%.3f ratio=%.3f%n", suite, kase, sitemoveSeconds, peer,
                peerSeconds, sitemoveSeconds / peerSeconds);
        out.flush();
    }

    /** {@code BENCH suite case name=value} for a figure without a peer. */
    public synchronized void figure(String suite, String kase, String name, String value) {
        out.printf(Locale.ROOT, "BENCH %s %s %s=%s%n", suite, kase, name, value);
        out.flush();
    }

    /** A line of commentary (data sizes, checks passed), not a result. */
    public synchronized void note(String text) {
        out.println("# " + text);
        out.flush();
    }
}
