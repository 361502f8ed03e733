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
        String pending = outcome.pending() == 0 ? "" : "; " + outcome.pending() + " of " + outcome.compared()
                + " tables and objects changed on the source since the last sync (pending)";
        if (outcome.differing() == 0) {
            return (outcome.pending() == 0 ? "schema identical " : "schema as the last sync left it ") + scope + ": "
                    + counts + pending;
        }
        return outcome.differing() + " of " + outcome.compared() + " tables and objects differ " + scope + " (source: "
                + counts + ")" + pending;
    }

    static String count(long n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
