package io.sitemove.wordpress.internal;

import io.sitemove.MigrationException;
import io.sitemove.Server;
import io.sitemove.remote.AccessRefusedException;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.PreflightContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Checks, without changing anything, that the integrity check can run on each server: the table prefix
 * can be read (from wp-config.php unless given) and the database holds that prefix's options table.
 * The target's tables and its wp-config.php may not exist yet before the first sync (the syncers write them),
 * so only the source's are required; a target's file that is there must still be readable.
 */
public final class IntegrityPreflight {
    private static final String COMPONENT = "wordpress-integrity";

    private IntegrityPreflight() {
    }

    /** One check per server. */
    public static List<CheckResult> run(PreflightContext ctx, IntegritySettings settings) {
        return List.of(check(ctx.source(), settings.sourceDocroot(), settings.sourceDb(), settings, true),
                check(ctx.target(), settings.targetDocroot(), settings.targetDb(), settings, false));
    }

    private static CheckResult check(Server server, String docroot, DbEndpoint db, IntegritySettings settings,
            boolean tablesRequired) {
        String check = "WordPress at " + docroot + " on " + server.name();
        try {
            if (!tablesRequired) {
                Optional<String> prefix = settings.tablePrefix() != null ? Optional.of(settings.tablePrefix())
                        : WpConfigReader.tablePrefixIfConfigured(server, docroot);
                return CheckResult.pass(COMPONENT, check, prefix.map(p -> "table prefix " + p)
                        .orElse("no wp-config.php there yet; the sync writes it before the first verification"));
            }
            String prefix = settings.tablePrefix() != null ? settings.tablePrefix()
                    : WpConfigReader.tablePrefix(server, docroot);
            String options = new WpTables(prefix).name("options");
            return hasTable(db, options) ? CheckResult.pass(COMPONENT, check, "table prefix " + prefix + ", "
                    + options + " in " + db.where())
                    : CheckResult.fail(COMPONENT, check, "no table " + options + " in " + db.where()
                    + "; check the database and the table prefix given to the WordPress verifier");
        } catch (AccessRefusedException e) {
            throw e;
        } catch (MigrationException e) {
            return CheckResult.failed(COMPONENT, check, e);
        }
    }

    private static boolean hasTable(DbEndpoint db, String table) {
        try (Connection c = Sql.open(db, true); PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            s.setString(1, db.database());
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw Sql.failure("look for table " + table, db, table, e);
        }
    }
}
