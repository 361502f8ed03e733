package io.sitemove;

import java.util.Objects;
import java.util.Optional;

/**
 * The root of every failure sitemove reports. Unchecked. Its message names the site, the phase, the
 * step and what to do; subclasses carry structured data. Never carries a secret.
 *
 * <p>A plugin throws it with only the reason ({@link #permanent(String)}, {@link #retryable(String, Throwable)});
 * the engine then adds the site, phase and step to the same instance ({@link #in(String, Phase, String)}),
 * so a panel catches the specific type it threw:
 *
 * <pre>{@code
 * try {
 *     migration.runTo(Phase.INITIAL_SYNC);
 * } catch (HostKeyException e) {
 *     panel.askOperatorToConfirm(e.server(), e.refusal(), e.fingerprint().orElse("none offered"));
 * } catch (MigrationException e) {
 *     panel.show(e.getMessage(), e.phase(), e.step(), e.isTransient());
 * }
 * }</pre>
 */
public class MigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final boolean transientFailure;
    private volatile String site;
    private volatile Phase phase;
    private volatile String step;
    private volatile int attempts;

    /**
     * For subclasses: a failure with its reason (what happened and what to do), its cause, and whether
     * trying again may help.
     */
    protected MigrationException(String reason, Throwable cause, boolean transientFailure) {
        super(Objects.requireNonNull(reason, "reason cannot be null"), cause);
        this.reason = reason;
        this.transientFailure = transientFailure;
    }

    /** A failure that trying again will not mend: a refused login, a missing directory, a bad setting. */
    public static MigrationException permanent(String reason) {
        return new MigrationException(reason, null, false);
    }

    /** A failure that trying again will not mend, with its cause. */
    public static MigrationException permanent(String reason, Throwable cause) {
        return new MigrationException(reason, cause, false);
    }

    /** A failure that may pass if the step is tried again: a dropped connection, a timeout, a busy server. */
    public static MigrationException retryable(String reason, Throwable cause) {
        return new MigrationException(reason, cause, true);
    }

    /** A failure whose kind the caller has worked out ({@code transientFailure}: may pass when tried again). */
    public static MigrationException of(String reason, Throwable cause, boolean transientFailure) {
        return new MigrationException(reason, cause, transientFailure);
    }

    /**
     * Adds where the failure happened to this instance, keeping what is already known; returns this.
     * A null argument leaves that part as it is.
     */
    public final MigrationException in(String site, Phase phase, String step) {
        if (this.site == null && site != null) {
            this.site = site;
        }
        if (this.phase == null && phase != null) {
            this.phase = phase;
        }
        if ((this.step == null || this.step.isEmpty()) && step != null && !step.isEmpty()) {
            this.step = step;
        }
        return this;
    }

    /** Records that the engine tried {@code attempts} times and gave up; the failure is then permanent. */
    public final MigrationException gaveUpAfter(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        this.attempts = attempts;
        return this;
    }

    @Override
    public String getMessage() {
        StringBuilder b = new StringBuilder();
        if (site != null) {
            b.append("site '").append(site).append('\'');
            if (phase != null) {
                b.append(", phase ").append(phase);
            }
            if (step != null) {
                b.append(", step '").append(step).append('\'');
            }
            b.append(": ");
        }
        b.append(reason);
        if (attempts > 1) {
            b.append(" (gave up after ").append(attempts).append(" attempts)");
        }
        return b.toString();
    }

    /** What happened and what to do, without the site, phase and step. */
    public String reason() {
        return reason;
    }

    /** The site (plan name) the failure belongs to, once known. */
    public Optional<String> site() {
        return Optional.ofNullable(site);
    }

    /** The phase that failed, once known. */
    public Optional<Phase> phase() {
        return Optional.ofNullable(phase);
    }

    /** The step that failed ("sync:files"), once known. */
    public Optional<String> step() {
        return Optional.ofNullable(step);
    }

    /** How many times the engine tried the step before giving up; 0 when it was not retried by the engine. */
    public int attempts() {
        return attempts;
    }

    /**
     * True when the same call may succeed if tried again (a dropped connection, a timeout). False once
     * the engine has used up its attempts on it: then a person has to look.
     */
    public boolean isTransient() {
        return transientFailure && attempts == 0;
    }

    /** Whether the failure itself was of a passing kind, even after the engine gave up retrying it. */
    public boolean wasTransient() {
        return transientFailure;
    }
}
