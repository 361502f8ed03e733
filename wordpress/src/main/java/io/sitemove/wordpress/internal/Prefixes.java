package io.sitemove.wordpress.internal;

import io.sitemove.MigrationException;
import io.sitemove.remote.Parallel;
import io.sitemove.spi.Finding;
import io.sitemove.spi.VerifyContext;
import java.util.List;

/**
 * The table prefix of each side: the one given, or each side's {@code wp-config.php}'s. The source's must
 * be readable (else the verifier is misconfigured, and that is thrown); a target whose file is missing or
 * unreadable is a finding, and its tables are then looked for under the source's prefix.
 */
final class Prefixes {
    private Prefixes() {
    }

    static Parallel.Both<String> resolve(VerifyContext ctx, IntegritySettings settings, List<Finding> findings) {
        if (settings.tablePrefix() != null) {
            return new Parallel.Both<>(settings.tablePrefix(), settings.tablePrefix());
        }
        String source = WpConfigReader.tablePrefix(ctx.source(), settings.sourceDocroot());
        String subject = settings.targetDocroot() + "/wp-config.php on " + ctx.target().name();
        try {
            String target = WpConfigReader.tablePrefix(ctx.target(), settings.targetDocroot());
            if (!target.equals(source)) {
                findings.add(Finding.warning("table-prefix", subject, source + " (the source's wp-config.php)",
                        target, "make sure the target's tables were created with the prefix " + target));
            }
            return new Parallel.Both<>(source, target);
        } catch (MigrationException e) {
            if (e.isTransient()) {
                throw e;
            }
            findings.add(Finding.blocking("wp-config", subject, "a wp-config.php setting $table_prefix = '" + source
                    + "' (as on the source)", e.reason(), "sync the files again, or fix the target's wp-config.php"));
            return new Parallel.Both<>(source, source);
        }
    }
}
