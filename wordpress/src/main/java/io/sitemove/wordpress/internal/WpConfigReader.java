package io.sitemove.wordpress.internal;

import io.sitemove.MigrationException;
import io.sitemove.Server;
import io.sitemove.remote.ssh.ExecResult;
import io.sitemove.remote.ssh.SshConnection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Finds and reads a site's {@code wp-config.php} over SSH, where WordPress looks for it: in the docroot,
 * or one level above when that directory is not itself a WordPress (holds no {@code wp-settings.php}).
 * Reads at most 1 MiB; the table prefix is parsed from the text, no PHP runs.
 */
public final class WpConfigReader {
    private static final int MAX_BYTES = 1 << 20;
    private static final int NOT_FOUND = 3;
    private static final String FIND_AND_READ = "if [ -f \"$1/wp-config.php\" ]; then f=\"$1/wp-config.php\";"
            + " elif [ -f \"$1/../wp-config.php\" ] && [ ! -f \"$1/../wp-settings.php\" ]; then f=\"$1/../wp-config.php\";"
            + " else exit " + NOT_FOUND + "; fi; head -c " + MAX_BYTES + " -- \"$f\"";

    private WpConfigReader() {
    }

    /**
     * The table prefix the site's {@code wp-config.php} sets.
     *
     * @throws MigrationException (permanent) when there is no wp-config.php, it sets no literal prefix, or the
     *     prefix is not one WordPress accepts
     */
    public static String tablePrefix(Server server, String docroot) {
        return tablePrefixIfConfigured(server, docroot).orElseThrow(() -> MigrationException.permanent("no"
                + " wp-config.php in " + docroot + " or the directory above it on " + server.name()
                + "; check the docroot given to the WordPress verifier"));
    }

    /**
     * The table prefix the site's {@code wp-config.php} sets, or empty when there is no such file yet (a target
     * before its first sync).
     *
     * @throws MigrationException (permanent) when the file sets no literal prefix, or the prefix is not one
     *     WordPress accepts
     */
    public static Optional<String> tablePrefixIfConfigured(Server server, String docroot) {
        String where = docroot + "/wp-config.php on " + server.name();
        Optional<String> found = read(server, docroot);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String php = found.get();
        String prefix = TablePrefixParser.parse(php).orElseThrow(() -> MigrationException.permanent("no literal"
                + " $table_prefix in " + where + "; give the verifier the table prefix with tablePrefix(...)"));
        if (!TablePrefixParser.VALID.matcher(prefix).matches()) {
            throw MigrationException.permanent("refusing the table prefix '" + prefix + "' of " + where
                    + ": WordPress allows only letters, digits and '_'; check that file");
        }
        return Optional.of(prefix);
    }

    private static Optional<String> read(Server server, String docroot) {
        ExecResult result;
        try (SshConnection ssh = SshConnection.open(server)) {
            result = ssh.exec(List.of("sh", "-c", FIND_AND_READ, "sh", docroot));
        }
        if (result.exitCode() == NOT_FOUND) {
            return Optional.empty();
        }
        result.requireSuccess("read " + docroot + "/wp-config.php");
        return Optional.of(new String(result.stdout(), StandardCharsets.UTF_8));
    }
}
