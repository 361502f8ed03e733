package io.sitemove.verify.internal.env;

import io.sitemove.verify.EnvironmentParity.Aspect;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/** Compares the old server's facts with the new one's, aspect by aspect. */
public final class Comparison {
    private Comparison() {
    }

    /** The differences between what the two servers run; PHP is compared when the old server has it. */
    public static List<Difference> hosts(HostFacts old, HostFacts neu) {
        List<Difference> out = new ArrayList<>();
        if (old.php() != null) {
            if (neu.php() == null) {
                out.add(Difference.of(Aspect.PHP_MAJOR_VERSION, "PHP version (CLI)", old.php().version(), old.server(),
                        "no PHP", neu.server(), true));
            } else {
                php(out, "CLI", old.php(), old.server(), neu.php(), neu.server());
            }
        }
        if (old.fpm() != null && neu.fpm() != null) {
            extensions(out, Aspect.FPM_EXTENSION, "PHP-FPM", old.fpm().php(), old.server(), neu.fpm().php(), neu.server());
            settings(out, Aspect.FPM_SETTING, "PHP-FPM", old.fpm().php(), old.server(), neu.fpm().php(), neu.server());
        } else if (old.php() != null) {
            out.add(new Difference(Aspect.FPM_EXTENSION, "PHP-FPM pool", false, "PHP-FPM pool "
                    + (old.fpm() == null ? old.fpmNote() + " on " + old.server() : "found on " + old.server() + " ("
                    + old.fpm().path() + ")") + ", " + (neu.fpm() == null ? neu.fpmNote() + " on " + neu.server()
                    : "found on " + neu.server() + " (" + neu.fpm().path() + ")")));
        }
        if (old.webServer() != null) {
            out.add(Difference.of(Aspect.WEB_SERVER, "web server", old.webServer(), old.server(),
                    Objects.requireNonNullElse(neu.webServer(), "none found"), neu.server(),
                    !Objects.equals(old.webServerProduct(), neu.webServerProduct())));
        }
        return out;
    }

    private static void php(List<Difference> out, String sapi, PhpFacts old, String oldServer, PhpFacts neu,
            String newServer) {
        String check = "PHP version (" + sapi + ")";
        boolean major = !old.majorVersion().equals(neu.majorVersion());
        boolean minor = !major && !old.minorVersion().equals(neu.minorVersion());
        out.add(Difference.of(minor ? Aspect.PHP_MINOR_VERSION : Aspect.PHP_MAJOR_VERSION, check, old.version(),
                oldServer, neu.version(), newServer, major || minor));
        extensions(out, Aspect.PHP_EXTENSION, sapi, old, oldServer, neu, newServer);
        settings(out, Aspect.PHP_SETTING, sapi, old, oldServer, neu, newServer);
    }

    private static void extensions(List<Difference> out, Aspect aspect, String sapi, PhpFacts old, String oldServer,
            PhpFacts neu, String newServer) {
        SortedSet<String> missing = new TreeSet<>(old.extensions());
        missing.removeAll(neu.extensions());
        String check = "PHP extensions (" + sapi + ")";
        out.add(new Difference(aspect, check, !missing.isEmpty(), missing.isEmpty()
                ? check + " matches: all " + old.extensions().size() + " loaded on " + oldServer + " are loaded on "
                        + newServer
                : check + " differ: " + String.join(", ", missing) + " loaded on " + oldServer + ", missing on "
                        + newServer));
    }

    private static void settings(List<Difference> out, Aspect aspect, String sapi, PhpFacts old, String oldServer,
            PhpFacts neu, String newServer) {
        for (String name : PhpFacts.SETTINGS) {
            String o = old.settings().get(name);
            String n = neu.settings().get(name);
            if (o != null) {
                out.add(Difference.of(aspect, "PHP " + name + " (" + sapi + ")", o, oldServer,
                        Objects.requireNonNullElse(n, "unset"), newServer, IniValues.lower(name, o, n)));
            }
        }
    }

    /** The differences between the two database servers. */
    public static List<Difference> databases(DbFacts old, DbFacts neu) {
        String o = old.where();
        String n = neu.where();
        return List.of(
                Difference.of(Aspect.DB_ENGINE, "database engine", old.engine(), o, neu.engine(), n,
                        !old.engine().equals(neu.engine())),
                Difference.of(Aspect.DB_VERSION, "database version", old.version(), o, neu.version(), n,
                        !old.release().equals(neu.release())),
                Difference.of(Aspect.SQL_MODE, "sql_mode", quoted(old.sqlMode()), o, quoted(neu.sqlMode()), n,
                        !SqlModes.same(old.sqlMode(), neu.sqlMode())),
                Difference.of(Aspect.CHARSET, "character_set_server", old.charset(), o, neu.charset(), n,
                        !old.charset().equalsIgnoreCase(neu.charset())),
                Difference.of(Aspect.COLLATION, "collation_server", old.collation(), o, neu.collation(), n,
                        !old.collation().equalsIgnoreCase(neu.collation())),
                Difference.of(Aspect.TIME_ZONE, "time zone", old.timeZone(), o, neu.timeZone(), n,
                        !old.timeZone().equals(neu.timeZone())),
                Difference.of(Aspect.MAX_ALLOWED_PACKET, "max_allowed_packet", old.maxAllowedPacket() + " bytes", o,
                        neu.maxAllowedPacket() + " bytes", n, neu.maxAllowedPacket() < old.maxAllowedPacket()),
                Difference.of(Aspect.LOWER_CASE_TABLE_NAMES, "lower_case_table_names",
                        String.valueOf(old.lowerCaseTableNames()), o, String.valueOf(neu.lowerCaseTableNames()), n,
                        old.lowerCaseTableNames() != neu.lowerCaseTableNames()));
    }

    private static String quoted(String value) {
        return "'" + value + "'";
    }

    /** sql_mode values as sets of modes: the order of the modes does not matter. */
    static final class SqlModes {
        private SqlModes() {
        }

        static boolean same(String a, String b) {
            return set(a).equals(set(b));
        }

        private static SortedSet<String> set(String mode) {
            SortedSet<String> modes = new TreeSet<>();
            for (String m : mode.toUpperCase(java.util.Locale.ROOT).split(",")) {
                if (!m.isBlank()) {
                    modes.add(m.strip());
                }
            }
            return modes;
        }
    }
}
