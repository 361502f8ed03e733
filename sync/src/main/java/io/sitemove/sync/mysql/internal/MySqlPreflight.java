package io.sitemove.sync.mysql.internal;

import io.sitemove.sync.mysql.internal.binlog.BinlogSettings;
import io.sitemove.remote.db.Sql;

import io.sitemove.MigrationException;
import io.sitemove.remote.AccessRefusedException;
import io.sitemove.spi.CheckResult;
import io.sitemove.sync.mysql.ExistingTablesException;
import io.sitemove.remote.db.DbEndpoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The MySQL syncer's preflight: reach both servers, compare versions, sql_mode and charsets, check grants. */
public final class MySqlPreflight {
    private static final Pattern GRANT = Pattern.compile("^GRANT (.+?) ON (\\S+) TO ", Pattern.CASE_INSENSITIVE);

    private final String component;

    public MySqlPreflight(String component) {
        this.component = component;
    }

    /** Facts read from one server. */
    private record Facts(String version, String sqlMode, String charset, String collation, Set<String> privileges) {
    }

    public List<CheckResult> run(DbEndpoint source, DbEndpoint target) {
        List<CheckResult> checks = new ArrayList<>();
        Facts from = read(source, true, "source", checks);
        Facts to = read(target, false, "target", checks);
        if (from == null || to == null) {
            return checks;
        }
        checks.add(CheckResult.pass(component, "database versions", "source " + from.version() + ", target "
                + to.version() + (sameMajor(from.version(), to.version()) ? "" : "; warning: different major versions")));
        checks.add(CheckResult.pass(component, "sql_mode", from.sqlMode().equals(to.sqlMode())
                ? "same: " + from.sqlMode()
                : "warning: source '" + from.sqlMode() + "', target '" + to.sqlMode()
                + "'; copies use the source's mode, but the site will run under the target's"));
        checks.add(CheckResult.pass(component, "character set", from.charset().equals(to.charset())
                && from.collation().equals(to.collation())
                ? "same: " + from.charset() + " / " + from.collation()
                : "warning: source " + from.charset() + "/" + from.collation() + ", target " + to.charset() + "/"
                + to.collation() + " (server defaults; tables keep their own)"));
        checks.add(privileges("SELECT on source " + source.where(), from.privileges(), Set.of("SELECT")));
        checks.add(privileges("CREATE, INSERT, DELETE, DROP on target " + target.where(), to.privileges(),
                Set.of("CREATE", "INSERT", "DELETE", "DROP")));
        return checks;
    }

    /** Whether a FULL copy would replace tables the target already holds without the plan's leave. */
    public CheckResult existingTables(ExistingTables guard, DbEndpoint source, DbEndpoint target) {
        String check = "existing tables of target " + target.where();
        try {
            List<String> risk = guard.atRisk(source, target);
            return risk.isEmpty() ? CheckResult.pass(component, check, "none the copy may not replace")
                    : CheckResult.fail(component, check, new ExistingTablesException(component, target.where(), risk)
                            .getMessage());
        } catch (AccessRefusedException e) {
            throw e;
        } catch (MigrationException e) {
            return CheckResult.failed(component, check, e);
        }
    }

    /**
     * Whether the source's binary log can feed row deltas: log_bin ON, binlog_format ROW,
     * binlog_row_image FULL, and the replication privileges to read it. A failure when
     * {@code required}; otherwise a passed check that says deltas will fall back to checksums.
     */
    public CheckResult binlog(DbEndpoint source, boolean required) {
        String check = "binary log of source " + source.where();
        try (Connection c = Sql.open(source, true)) {
            BinlogSettings settings = BinlogSettings.read(c, source);
            List<String> problems = new ArrayList<>(settings.problems());
            if (problems.isEmpty()) {
                try {
                    BinlogSettings.files(c);
                } catch (SQLException e) {
                    problems.add("SHOW BINARY LOGS is refused (" + e.getMessage() + "): grant BINLOG MONITOR (MariaDB)"
                            + " or REPLICATION CLIENT (MySQL), and REPLICATION SLAVE, to " + source.user());
                }
            }
            if (problems.isEmpty()) {
                return CheckResult.pass(component, check, "ROW format with full row images; " + settings.retention()
                        + "; deltas read the binlog");
            }
            String detail = String.join("; ", problems);
            return required ? CheckResult.fail(component, check, detail)
                    : CheckResult.pass(component, check, "warning: " + detail + "; deltas will compare checksums instead");
        } catch (AccessRefusedException e) {
            throw e;
        } catch (MigrationException e) {
            return CheckResult.failed(component, check, e);
        } catch (SQLException e) {
            return CheckResult.failed(component, check, Sql.failure("read binlog settings", source, null, e));
        }
    }

    private Facts read(DbEndpoint endpoint, boolean withDatabase, String side, List<CheckResult> checks) {
        String check = "connect to " + side + " database " + endpoint.where();
        try (Connection c = Sql.open(endpoint, withDatabase)) {
            Facts facts = new Facts(Sql.single(c, "SELECT VERSION()"), Sql.single(c, "SELECT @@GLOBAL.sql_mode"),
                    Sql.single(c, "SELECT @@character_set_server"), Sql.single(c, "SELECT @@collation_server"),
                    grants(c, endpoint.database()));
            checks.add(CheckResult.pass(component, check, "logged in as " + endpoint.user()));
            return facts;
        } catch (AccessRefusedException e) {
            throw e;
        } catch (MigrationException e) {
            checks.add(CheckResult.failed(component, check, e));
        } catch (SQLException e) {
            checks.add(CheckResult.fail(component, check, Sql.failure("read server settings", endpoint, null, e)
                    .getMessage()));
        }
        return null;
    }

    private static Set<String> grants(Connection c, String database) throws SQLException {
        Set<String> privileges = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW GRANTS")) {
            while (rs.next()) {
                Matcher m = GRANT.matcher(rs.getString(1));
                if (!m.find()) {
                    continue;
                }
                String scope = m.group(2).replace("\\_", "_").replace("\\%", "%");
                if (!scope.equals("*.*") && !scope.equals(Sql.quote(database) + ".*")) {
                    continue;
                }
                for (String privilege : m.group(1).split(",")) {
                    privileges.add(privilege.strip().toUpperCase(Locale.ROOT));
                }
            }
        }
        return privileges;
    }

    private CheckResult privileges(String check, Set<String> held, Set<String> needed) {
        if (held.contains("ALL PRIVILEGES") || held.contains("ALL") || held.containsAll(needed)) {
            return CheckResult.pass(component, check, "granted");
        }
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(held);
        return CheckResult.fail(component, check, "missing " + missing + "; grant them to the migration user");
    }

    private static boolean sameMajor(String a, String b) {
        return a.split("\\.")[0].equals(b.split("\\.")[0]);
    }
}
