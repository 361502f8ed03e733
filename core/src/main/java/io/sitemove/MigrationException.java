package io.sitemove;

import java.util.Optional;

/**
 * The root of every failure sitemove reports. Unchecked. Its message names the site, the phase and
 * what to do; subclasses carry structured data. Never carries a secret.
 */
public class MigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String site;
    private final Phase phase;
    private final boolean transientFailure;

    public MigrationException(String message) {
        this(null, null, message, null, false);
    }

    public MigrationException(String message, Throwable cause) {
        this(null, null, message, cause, false);
    }

    public MigrationException(String site, Phase phase, String message, Throwable cause, boolean transientFailure) {
        super(prefix(site, phase) + message, cause);
        this.site = site;
        this.phase = phase;
        this.transientFailure = transientFailure;
    }

    private static String prefix(String site, Phase phase) {
        if (site == null) {
            return "";
        }
        return "site '" + site + "'" + (phase == null ? "" : ", phase " + phase) + ": ";
    }

    /** The site (plan name) the failure belongs to, when known. */
    public Optional<String> site() {
        return Optional.ofNullable(site);
    }

    /** The phase that failed, when known. */
    public Optional<Phase> phase() {
        return Optional.ofNullable(phase);
    }

    /** True when the same call may succeed if tried again (a dropped connection, a timeout). */
    public boolean isTransient() {
        return transientFailure;
    }
}
