package io.sitemove.dns;

import io.sitemove.MigrationException;
import io.sitemove.dns.internal.Records;
import io.sitemove.spi.DnsRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change made one record per call (at a provider without atomic changes) failed part way: one call
 * failed ({@link #getCause()}, kept as it was thrown), the calls made before it were undone in reverse
 * order where they could be, and the records were read back. Carries what was applied, what was
 * reverted, what could not be, and the records as they are now. Transient only when the records are
 * as before the change and the failed call's failure was transient: trying again is then safe.
 */
public final class DnsPartialChangeException extends DnsException {
    private static final long serialVersionUID = 1L;

    /**
     * The calls of the change.
     *
     * @param failedAt the number of the call that failed, from 1
     * @param total how many calls the change needed
     * @param failed what the failed call was to do
     * @param applied what the calls before it did
     * @param reverted the undoing of those that succeeded, in the order made
     * @param notReverted the undoing of those that failed, each with why
     */
    public record Calls(int failedAt, int total, String failed, List<String> applied, List<String> reverted,
            List<String> notReverted) {
        public Calls {
            Objects.requireNonNull(failed, "failed cannot be null");
            applied = List.copyOf(applied);
            reverted = List.copyOf(reverted);
            notReverted = List.copyOf(notReverted);
        }
    }

    private final Calls calls;
    private final transient List<DnsRecord> before;
    private final transient List<DnsRecord> now;

    private DnsPartialChangeException(String message, Calls calls, List<DnsRecord> before, List<DnsRecord> now,
            RuntimeException cause, boolean transientFailure) {
        super(message, cause, transientFailure);
        this.calls = calls;
        this.before = before;
        this.now = now;
    }

    /**
     * @param provider "Cloudflare"
     * @param zone "example.com."
     * @param before the records before the change
     * @param now the records read back after the undoing, or empty when they could not be read
     * @param unread why they could not be read back (when {@code now} is empty)
     * @param cause the failure of the failed call, as it was thrown
     */
    public static DnsPartialChangeException of(String provider, String zone, Calls calls, List<DnsRecord> before,
            Optional<List<DnsRecord>> now, String unread, RuntimeException cause) {
        Objects.requireNonNull(cause, "cause cannot be null");
        boolean causeTransient = cause instanceof MigrationException m && m.isTransient();
        String why = cause instanceof MigrationException m ? m.reason() : "unexpected failure: " + cause;
        List<DnsRecord> was = List.copyOf(before);
        List<DnsRecord> is = now.map(List::copyOf).orElse(null);
        boolean asBefore = is != null && Records.same(is, was);
        StringBuilder m = new StringBuilder("change of zone ").append(zone).append(" at ").append(provider)
                .append(" failed at call ")
                .append(calls.failedAt()).append(" of ").append(calls.total()).append(" (").append(calls.failed())
                .append("): ").append(why).append(". ").append(provider).append(" changes one record per call, so this")
                .append(" change was not atomic. ");
        if (calls.applied().isEmpty()) {
            m.append("Nothing had been applied before. ");
        } else {
            m.append("Applied before the failure: ").append(calls.applied()).append("; reverted: ")
                    .append(calls.reverted()).append(". ");
            if (!calls.notReverted().isEmpty()) {
                m.append("REVERT FAILED for: ").append(calls.notReverted()).append(". ");
            }
        }
        if (is == null) {
            m.append("The records could not be read back to confirm (").append(unread).append("); check in ")
                    .append(provider).append("'s dashboard that they are ").append(was).append(" as before the change.");
        } else if (asBefore) {
            m.append("The records are as before the change, ").append(was)
                    .append(": nothing is left changed; run the switch again once the cause is fixed.");
        } else {
            m.append("The records are LEFT CHANGED: they are now ").append(is).append(" but were ").append(was)
                    .append(" before the change; set them back in ").append(provider)
                    .append("'s dashboard or API, then run again.");
        }
        return new DnsPartialChangeException(m.toString(), calls, was, is, cause, asBefore && causeTransient);
    }

    /** The calls: which failed, what was applied and reverted. */
    public Calls calls() {
        return calls;
    }

    /** The records before the change. */
    public List<DnsRecord> before() {
        return before;
    }

    /** The records read back after the undoing; empty when they could not be read. */
    public Optional<List<DnsRecord>> now() {
        return Optional.ofNullable(now);
    }

    /** True unless the records were read back and are as before the change. */
    public boolean leftChanged() {
        return now == null || !Records.same(now, before);
    }
}
