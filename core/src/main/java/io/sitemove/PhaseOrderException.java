package io.sitemove;

/** A phase was asked for before the phases it needs had completed. */
public class PhaseOrderException extends MigrationException {
    private static final long serialVersionUID = 1L;

    private final Phase requested;
    private final Phase missing;

    public PhaseOrderException(String site, Phase requested, Phase missing, String advice) {
        super("cannot start " + requested + " because " + missing + " has not completed; " + advice, null, false);
        in(site, requested, null);
        this.requested = requested;
        this.missing = missing;
    }

    /** The phase that was asked for. */
    public Phase requested() {
        return requested;
    }

    /** The first earlier phase that has not completed. */
    public Phase missing() {
        return missing;
    }
}
