package io.sitemove;

import io.sitemove.spi.CheckResult;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Preflight found problems; nothing was changed on either server. It is transient (retried by the
 * engine) when every failed check is: servers that did not answer, not something found wrong.
 */
public class PreflightFailedException extends MigrationException {
    private static final long serialVersionUID = 1L;

    private final transient List<CheckResult> failed;

    public PreflightFailedException(String site, List<CheckResult> failed) {
        super(failed.size() + " check(s) failed: " + failed.stream()
                .map(CheckResult::toString)
                .collect(Collectors.joining("; ")) + "; nothing was changed", null,
                !failed.isEmpty() && failed.stream().allMatch(CheckResult::transientFailure));
        in(site, Phase.PREFLIGHT, null);
        this.failed = List.copyOf(failed);
    }

    /** The failed checks. */
    public List<CheckResult> failed() {
        return failed;
    }
}
