package io.sitemove.verify.internal.schema;

/** The one-line summary of a schema comparison, every number the number of the things it names. */
public final class SchemaSummary {
    private SchemaSummary() {
    }

    /**
     * "schema identical in A and B: 4 tables, 1 view, ..." or "2 of 7 tables and objects differ in A and B
     * (source: 4 tables, 1 view, ...)".
     *
     * @param scope where, with its preposition
     */
    public static String of(SchemaDiff.Outcome outcome, Schema source, String scope) {
        String counts = count(source.tables().size(), "table") + ", " + count(source.count("view"), "view") + ", "
                + count(source.count("trigger"), "trigger") + ", "
                + count(source.count("procedure") + source.count("function"), "routine") + ", "
                + count(source.count("event"), "event");
        if (outcome.differing() == 0) {
            return "schema identical " + scope + ": " + counts;
        }
        return outcome.differing() + " of " + outcome.compared() + " tables and objects differ " + scope + " (source: "
                + counts + ")";
    }

    static String count(long n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
