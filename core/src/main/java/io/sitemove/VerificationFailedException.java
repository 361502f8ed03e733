package io.sitemove;

import io.sitemove.spi.Finding;
import io.sitemove.spi.Verification;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One or more verifiers found a blocking difference: the target is not as it should be. The message
 * names the plan (its site), the phase, and the check and subject of the first blocking findings, with their
 * count; {@link #findings()} gives them all.
 */
public class VerificationFailedException extends MigrationException {
    private static final long serialVersionUID = 1L;
    /** How many blocking findings the message names. */
    static final int NAMED = 3;

    private final transient List<Verification> failed;

    public VerificationFailedException(String site, Phase phase, List<Verification> failed) {
        super(reason(failed), null, false);
        in(site, phase, null);
        this.failed = List.copyOf(failed);
    }

    private static String reason(List<Verification> failed) {
        List<String> named = failed.stream()
                .flatMap(v -> v.blocking().stream().map(f -> v.verifier() + " " + name(f)))
                .toList();
        String first = named.stream().limit(NAMED).collect(Collectors.joining("; "));
        return named.size() + " blocking finding(s) in " + failed.size() + " verification(s): "
                + first + (named.size() > NAMED ? "; and " + (named.size() - NAMED) + " more" : "")
                + "; fix the target (or sync again) and run the phase again";
    }

    private static String name(Finding f) {
        return (f.check().isEmpty() ? "" : f.check() + " ") + f.subject();
    }

    /** The failed verifications, with all their findings. */
    public List<Verification> failed() {
        return failed;
    }

    /** The blocking findings of the failed verifications, in order. */
    public List<Finding> findings() {
        return failed.stream().flatMap(v -> v.blocking().stream()).toList();
    }
}
