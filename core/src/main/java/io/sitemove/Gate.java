package io.sitemove;

/** A point where the run stops until a person approves it with {@link Migration#approve(Gate)}. */
public enum Gate {
    /** After the verifiers ran against the target: the customer confirms the new site works. */
    FUNCTIONAL_TESTING(Phase.FUNCTIONAL_TESTING),
    /** After the panel tuned the target: the operator confirms it is ready for delta syncs. */
    OPTIMIZATION(Phase.OPTIMIZATION);

    private final Phase phase;

    Gate(Phase phase) {
        this.phase = phase;
    }

    /** The phase this gate ends. */
    public Phase phase() {
        return phase;
    }
}
