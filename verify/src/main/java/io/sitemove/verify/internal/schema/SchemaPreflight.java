package io.sitemove.verify.internal.schema;

import io.sitemove.MigrationException;
import io.sitemove.remote.AccessRefusedException;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import io.sitemove.spi.CheckResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks, without changing anything, that the migration user can read the schema from
 * information_schema on one server: the database is visible, the user holds the privileges without
 * which the server hides views' definitions, triggers and events, and no routine's body is hidden.
 * A check that fails names the missing privilege and the GRANT that gives it.
 */
public final class SchemaPreflight {
    static final List<String> REQUIRED = List.of("SELECT", "SHOW VIEW", "TRIGGER", "EVENT");
    private static final String EXISTS = "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?";
    private static final String PRIVILEGES = "SELECT PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES"
            + " WHERE GRANTEE = ? UNION SELECT PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES"
            + " WHERE GRANTEE = ? AND ? LIKE TABLE_SCHEMA";
    private static final String ROUTINE_ACCESS = "SELECT COUNT(*) FROM information_schema.USER_PRIVILEGES"
            + " WHERE GRANTEE = ? AND PRIVILEGE_TYPE IN ('SELECT', 'SHOW_ROUTINE', 'SHOW CREATE ROUTINE')"
            + " UNION ALL SELECT COUNT(*) FROM information_schema.SCHEMA_PRIVILEGES WHERE GRANTEE = ?"
            + " AND PRIVILEGE_TYPE = 'SELECT' AND TABLE_SCHEMA = 'mysql'"
            + " UNION ALL SELECT COUNT(*) FROM information_schema.TABLE_PRIVILEGES WHERE GRANTEE = ?"
            + " AND PRIVILEGE_TYPE = 'SELECT' AND TABLE_SCHEMA = 'mysql' AND TABLE_NAME = 'proc'"
            + " UNION ALL SELECT COUNT(*) FROM information_schema.SCHEMA_PRIVILEGES WHERE GRANTEE = ?"
            + " AND PRIVILEGE_TYPE = 'SHOW CREATE ROUTINE' AND ? LIKE TABLE_SCHEMA";
    private static final String HIDDEN_ROUTINES = "SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES"
            + " WHERE ROUTINE_SCHEMA = ? AND ROUTINE_DEFINITION IS NULL ORDER BY ROUTINE_NAME";

    private final String component;
    private final Duration queryTimeout;

    /**
     * @param component the verifier's name, for the check results
     * @param queryTimeout the longest each query may run
     */
    public SchemaPreflight(String component, Duration queryTimeout) {
        this.component = component;
        this.queryTimeout = queryTimeout;
    }

    /** The check of one side, {@code "source"} or {@code "target"}. */
    public CheckResult check(String side, DbEndpoint db) {
        String check = "schema of " + db.where() + " on " + side + " readable";
        try (Connection c = Sql.open(db, false)) {
            if (!exists(c, db)) {
                return side.equals("target")
                        ? CheckResult.pass(component, check, "connects; the database does not exist yet (the initial sync creates it)")
                        : CheckResult.fail(component, check, "the database does not exist, or " + db.user()
                                + " holds no privilege on it; create it or " + grant(c, db, REQUIRED));
            }
            List<String> missing = missing(c, db);
            if (!missing.isEmpty()) {
                return CheckResult.fail(component, check, db.user() + " lacks " + String.join(", ", missing) + " on "
                        + Sql.quote(db.database()) + ", so information_schema hides " + hidden(missing) + "; "
                        + grant(c, db, missing) + " (privileges held only through a role are not counted)");
            }
            Optional<String> routineGrant = routineGrantMissing(c, db);
            if (routineGrant.isPresent()) {
                return CheckResult.fail(component, check, db.user() + " may not read routines that another account defined,"
                        + " so information_schema hides them; " + routineGrant.get());
            }
            List<String> routines = hiddenRoutines(c, db);
            if (!routines.isEmpty()) {
                return CheckResult.fail(component, check, "the body of " + String.join(", ", routines) + " is hidden from "
                        + db.user() + "; grant it " + Privileges.forKind("procedure"));
            }
            return CheckResult.pass(component, check, "connects, holds " + String.join(", ", REQUIRED));
        } catch (SQLException e) {
            return CheckResult.failed(component, check, Sql.failure("read information_schema", db, null, e));
        } catch (AccessRefusedException e) {
            throw e;
        } catch (MigrationException e) {
            return CheckResult.failed(component, check, e);
        }
    }

    private boolean exists(Connection c, DbEndpoint db) throws SQLException {
        long[] n = {0};
        new Query(c, db.database(), queryTimeout).each(EXISTS, rs -> n[0] = rs.getLong(1));
        return n[0] > 0;
    }

    /**
     * Which of the privileges needed to read the schema ({@code SELECT, SHOW VIEW, TRIGGER, EVENT}) the
     * connection's account lacks on the database, by its global and database grants.
     */
    public List<String> missing(Connection c, DbEndpoint db) throws SQLException {
        String grantee = grantee(Sql.single(c, "SELECT CURRENT_USER()"));
        Set<String> held = new TreeSet<>();
        try (var s = c.prepareStatement(PRIVILEGES)) {
            s.setQueryTimeout((int) Math.max(1, queryTimeout.toSeconds()));
            s.setString(1, grantee);
            s.setString(2, grantee);
            s.setString(3, db.database());
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getString(1).toUpperCase(Locale.ROOT));
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String p : REQUIRED) {
            if (!held.contains(p)) {
                missing.add(p);
            }
        }
        return missing;
    }

    /**
     * The GRANT that lets the account read routines another account defined, when it lacks one: global
     * SELECT, SELECT on {@code mysql.proc} (MariaDB), {@code SHOW_ROUTINE} (MySQL 8) or {@code SHOW CREATE
     * ROUTINE} (MariaDB 11.3); empty when it holds one.
     */
    public Optional<String> routineGrantMissing(Connection c, DbEndpoint db) throws SQLException {
        String grantee = grantee(Sql.single(c, "SELECT CURRENT_USER()"));
        long[] held = {0};
        try (var s = c.prepareStatement(ROUTINE_ACCESS)) {
            s.setQueryTimeout((int) Math.max(1, queryTimeout.toSeconds()));
            for (int i = 1; i <= 4; i++) {
                s.setString(i, grantee);
            }
            s.setString(5, db.database());
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    held[0] += rs.getLong(1);
                }
            }
        }
        if (held[0] > 0) {
            return Optional.empty();
        }
        String version = Sql.single(c, "SELECT VERSION()");
        String to = to(c, db);
        return Optional.of(version != null && version.contains("MariaDB") ? "GRANT SELECT ON mysql.proc TO " + to
                : "GRANT SHOW_ROUTINE ON *.* TO " + to);
    }

    private List<String> hiddenRoutines(Connection c, DbEndpoint db) throws SQLException {
        List<String> out = new ArrayList<>();
        new Query(c, db.database(), queryTimeout).each(HIDDEN_ROUTINES,
                rs -> out.add(rs.getString(1).toLowerCase(Locale.ROOT) + " " + Sql.quote(rs.getString(2))));
        return out;
    }

    /** {@code 'user'@'host'} as information_schema writes a grantee, from {@code user@host}. */
    static String grantee(String currentUser) {
        int at = currentUser.lastIndexOf('@');
        return "'" + currentUser.substring(0, at) + "'@'" + currentUser.substring(at + 1) + "'";
    }

    /** What information_schema hides without these privileges: "the triggers, the events". */
    public static String hidden(List<String> missing) {
        List<String> what = new ArrayList<>();
        for (String p : missing) {
            what.add(switch (p) {
                case "SHOW VIEW" -> "the views' definitions";
                case "TRIGGER" -> "the triggers";
                case "EVENT" -> "the events";
                case "read access to routines" -> "the routines other accounts defined";
                default -> "the tables it may not read";
            });
        }
        return String.join(", ", what);
    }

    /** The GRANT statement that gives the connection's account these privileges on the database. */
    public static String grant(Connection c, DbEndpoint db, List<String> privileges) throws SQLException {
        return "GRANT " + String.join(", ", privileges) + " ON " + Sql.quote(db.database()) + ".* TO " + to(c, db);
    }

    private static String to(Connection c, DbEndpoint db) throws SQLException {
        String account = Sql.single(c, "SELECT CURRENT_USER()");
        int at = account == null ? -1 : account.lastIndexOf('@');
        return at < 0 ? Sql.account(db.user(), "%") : Sql.account(account.substring(0, at), account.substring(at + 1));
    }
}
