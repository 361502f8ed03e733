package io.sitemove;

import java.util.Objects;

/**
 * A change was refused before anything was done, because it went past a guard: it would delete more
 * files than the guard allows, or change more DNS records, or records the plan does not switch.
 * Permanent; {@link #override()} says how to allow it once a person has checked.
 */
public final class ChangeRefusedException extends MigrationException {
    private static final long serialVersionUID = 1L;

    /** Which guard refused. */
    public enum Guard {
        /** The change would touch what the plan does not name (DNS records outside the switched ones). */
        OUTSIDE_PLAN,
        /** More items than the guard's count. */
        MAX_COUNT,
        /** A larger share of the whole than the guard's fraction. */
        MAX_FRACTION
    }

    private final String change;
    private final Guard guard;
    private final long affected;
    private final long total;
    private final double allowed;
    private final String override;

    private ChangeRefusedException(String change, Guard guard, long affected, long total, double allowed, String why,
            String override) {
        super("refused to " + change + ": " + why + "; nothing was changed; check the plan, or " + override
                + " if this is intended", null, false);
        this.change = change;
        this.guard = Objects.requireNonNull(guard, "guard cannot be null");
        this.affected = affected;
        this.total = total;
        this.allowed = allowed;
        this.override = override;
    }

    /** {@code change} ("delete files on new") would touch {@code what}, which the plan does not name. */
    public static ChangeRefusedException outsidePlan(String change, long affected, String what, String override) {
        return new ChangeRefusedException(change, Guard.OUTSIDE_PLAN, affected, -1, 0,
                "it would touch " + what + ", outside what the plan names", override);
    }

    /** {@code change} would affect {@code affected} items, more than {@code limit}; {@code total} is -1 when unknown. */
    public static ChangeRefusedException tooMany(String change, long affected, long total, long limit, String override) {
        return new ChangeRefusedException(change, Guard.MAX_COUNT, affected, total, limit,
                "it would affect " + affected + (total >= 0 ? " of " + total : "") + " items, more than the limit of "
                        + limit, override);
    }

    /** {@code change} would affect {@code affected} of {@code total} items, more than the fraction {@code limit}. */
    public static ChangeRefusedException tooLarge(String change, long affected, long total, double limit, String override) {
        return new ChangeRefusedException(change, Guard.MAX_FRACTION, affected, total, limit,
                "it would affect " + affected + " of " + total + " items, more than " + Math.round(limit * 100) + "%",
                override);
    }

    /** What was to be done ("delete files on new", "switch DNS"). */
    public String change() {
        return change;
    }

    /** The guard that refused. */
    public Guard guard() {
        return guard;
    }

    /** How many items the change would have affected. */
    public long affected() {
        return affected;
    }

    /** How many items there are in all, or -1 when not known. */
    public long total() {
        return total;
    }

    /** The guard's limit: a count for {@link Guard#MAX_COUNT}, a fraction for {@link Guard#MAX_FRACTION}, else 0. */
    public double allowed() {
        return allowed;
    }

    /** How the plan allows the change ("allowMassDeletion(true)", "forceDnsChanges(true)"). */
    public String override() {
        return override;
    }
}
