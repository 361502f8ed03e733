package io.sitemove.bench;

/** One benchmark suite ("files", "db"): generates its data, runs both sides, checks, reports. */
public interface Suite {
    /** The name given on the command line. */
    String name();

    /** Runs every case of the suite. */
    void run(BenchContext ctx) throws Exception;
}
