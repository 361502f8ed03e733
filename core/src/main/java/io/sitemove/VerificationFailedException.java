package io.sitemove;

import io.sitemove.spi.Verification;
import java.util.List;
import java.util.stream.Collectors;

/** One or more verifiers found the target different from what it should be. */
public class VerificationFailedException extends MigrationException {
    private static final long serialVersionUID = 1L;

    private final transient List<Verification> failed;

    public VerificationFailedException(String site, Phase phase, List<Verification> failed) {
        super(failed.size() + " verification(s) failed: " + failed.stream()
                .map(v -> v.verifier() + ": " + v.summary())
                .collect(Collectors.joining("; ")) + "; fix the target (or sync again) and run the phase again", null, false);
        in(site, phase, null);
        this.failed = List.copyOf(failed);
    }

    /** The failed verifications, with their findings. */
    public List<Verification> failed() {
        return failed;
    }
}
