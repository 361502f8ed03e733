package io.sitemove.verify;

import io.sitemove.MigrationException;
import io.sitemove.Server;
import io.sitemove.remote.AccessRefusedException;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.ssh.SshConnection;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.Verification;
import io.sitemove.spi.Verifier;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;
import io.sitemove.verify.internal.env.Comparison;
import io.sitemove.verify.internal.env.DbFacts;
import io.sitemove.verify.internal.env.Difference;
import io.sitemove.verify.internal.env.HostFacts;
import io.sitemove.verify.internal.env.HostProbe;
import io.sitemove.verify.internal.env.Outcomes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks in preflight that the new server runs what the site needs from the old one: PHP's version,
 * loaded extensions and settings (memory_limit, upload_max_filesize, max_execution_time) on the command
 * line and in the PHP-FPM binary of the same version when there is one, the web server, and the
 * database server's engine, version, sql_mode, charset, collation, time zone, max_allowed_packet and
 * lower_case_table_names. Each aspect where the new server falls short is blocking or a warning by a
 * rule ({@link Aspect#defaultSeverity()}), which the plan can change. It reads over SSH and SQL and
 * changes nothing; its work is all in {@link #preflight}, and {@link #verify} has nothing to do.
 *
 * <pre>{@code
 * Verifier parity = EnvironmentParity.builder()
 *         .databases(new DbEndpoint("10.0.0.5", 3306, "shop", "migrate", Secret.of(oldPassword)),
 *                    new DbEndpoint("10.0.0.9", 3306, "shop", "migrate", Secret.of(newPassword)))
 *         .php("php", "/usr/bin/php8.1")
 *         .rule(EnvironmentParity.Aspect.PHP_MINOR_VERSION, EnvironmentParity.Severity.BLOCKING)
 *         .build();
 * }</pre>
 *
 * <p>The PHP-FPM pool is read with {@code php-fpmX.Y -m} and {@code -i} (Debian's
 * {@code /usr/sbin/php-fpm8.2}, or on the PATH); settings a pool file overrides
 * ({@code php_admin_value}) are not seen. Instances are immutable and thread-safe.
 */
public final class EnvironmentParity implements Verifier {
    private final DbEndpoint sourceDb;
    private final DbEndpoint targetDb;
    private final String sourcePhp;
    private final String targetPhp;
    private final Map<Aspect, Severity> rules;

    private EnvironmentParity(Builder b) {
        this.sourceDb = b.sourceDb;
        this.targetDb = b.targetDb;
        this.sourcePhp = b.sourcePhp;
        this.targetPhp = b.targetPhp;
        this.rules = Collections.unmodifiableMap(new EnumMap<>(b.rules));
    }

    /** A builder with the default rules, PHP run as {@code php} on both servers, and no database. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "environment";
    }

    /** None: its work is its preflight. */
    @Override
    public Set<VerifyStage> stages() {
        return EnumSet.noneOf(VerifyStage.class);
    }

    /** Nothing to verify after preflight: passes with no findings. */
    @Override
    public Verification verify(VerifyContext ctx) {
        return Verification.pass(name(), "environment parity is checked in preflight", Duration.ZERO);
    }

    @Override
    public List<CheckResult> preflight(PreflightContext ctx) {
        List<CheckResult> results = new ArrayList<>();
        String hosts = "PHP and web server on " + ctx.source().name() + " and " + ctx.target().name();
        gather(results, hosts, () -> Comparison.hosts(host(ctx.source(), sourcePhp), host(ctx.target(), targetPhp)));
        if (sourceDb != null) {
            String dbs = "database servers " + sourceDb.where() + " and " + targetDb.where();
            gather(results, dbs, () -> Comparison.databases(DbFacts.read(sourceDb), DbFacts.read(targetDb)));
        }
        return results;
    }

    private void gather(List<CheckResult> results, String check, Supplier<List<Difference>> differences) {
        try {
            for (Difference d : differences.get()) {
                results.add(Outcomes.of(name(), d, rules.get(d.aspect())));
            }
        } catch (AccessRefusedException e) {
            throw e;
        } catch (MigrationException e) {
            results.add(CheckResult.failed(name(), check, e));
        }
    }

    private static HostFacts host(Server server, String php) {
        try (SshConnection ssh = SshConnection.open(server)) {
            return new HostProbe(php).gather(ssh);
        }
    }

    /** The severity each aspect has in this instance. */
    public Map<Aspect, Severity> rules() {
        return rules;
    }

    @Override
    public String toString() {
        return "EnvironmentParity[php " + sourcePhp + " -> " + targetPhp
                + (sourceDb == null ? "" : ", " + sourceDb.where() + " -> " + targetDb.where()) + "]";
    }

    /** What a difference does to preflight. */
    public enum Severity {
        /** Fails the check: the migration stops before anything is copied. */
        BLOCKING,
        /** Passes the check with a detail that starts "warning:". */
        WARNING,
        /** Passes the check; the detail starts "ignored by rule:". */
        IGNORED
    }

    /** What is compared; each aspect's difference means the new server falls short of the old one. */
    public enum Aspect {
        /** PHP's major version differs (7 and 8), or the new server has no PHP. */
        PHP_MAJOR_VERSION(Severity.BLOCKING),
        /** PHP's minor version differs (8.1 and 8.2). */
        PHP_MINOR_VERSION(Severity.WARNING),
        /** A PHP extension loaded on the command line of the old server is missing on the new. */
        PHP_EXTENSION(Severity.BLOCKING),
        /** memory_limit, upload_max_filesize or max_execution_time of the command line is lower on the new. */
        PHP_SETTING(Severity.WARNING),
        /** An extension loaded by the old server's PHP-FPM is missing on the new's. */
        FPM_EXTENSION(Severity.BLOCKING),
        /** A setting of PHP-FPM is lower on the new server. */
        FPM_SETTING(Severity.WARNING),
        /** Another web server (nginx and Apache). */
        WEB_SERVER(Severity.WARNING),
        /** Another database engine (MySQL and MariaDB). */
        DB_ENGINE(Severity.WARNING),
        /** Another major.minor version of the database server. */
        DB_VERSION(Severity.WARNING),
        /** Another sql_mode: strict modes break plugins written for lax ones. */
        SQL_MODE(Severity.BLOCKING),
        /** Another character_set_server. */
        CHARSET(Severity.WARNING),
        /** Another collation_server. */
        COLLATION(Severity.WARNING),
        /** Another time zone. */
        TIME_ZONE(Severity.WARNING),
        /** A smaller max_allowed_packet: rows the old server took may be refused. */
        MAX_ALLOWED_PACKET(Severity.WARNING),
        /** Another lower_case_table_names: tables may not be found by their names. */
        LOWER_CASE_TABLE_NAMES(Severity.BLOCKING);

        private final Severity defaultSeverity;

        Aspect(Severity defaultSeverity) {
            this.defaultSeverity = defaultSeverity;
        }

        /** The severity of a difference in this aspect unless a rule says otherwise. */
        public Severity defaultSeverity() {
            return defaultSeverity;
        }
    }

    /** Builds an {@link EnvironmentParity}; not thread-safe. */
    public static final class Builder {
        private final Map<Aspect, Severity> rules = new EnumMap<>(Aspect.class);
        private DbEndpoint sourceDb;
        private DbEndpoint targetDb;
        private String sourcePhp = "php";
        private String targetPhp = "php";

        private Builder() {
            for (Aspect a : Aspect.values()) {
                rules.put(a, a.defaultSeverity());
            }
        }

        /** Compares the database servers of these endpoints (only the servers: the databases need not exist). */
        public Builder databases(DbEndpoint source, DbEndpoint target) {
            this.sourceDb = Objects.requireNonNull(source, "source cannot be null");
            this.targetDb = Objects.requireNonNull(target, "target cannot be null");
            return this;
        }

        /** The PHP command on each server ("php", "/usr/bin/php8.1"): a path or a name on the PATH. */
        public Builder php(String source, String target) {
            this.sourcePhp = command(source, "source");
            this.targetPhp = command(target, "target");
            return this;
        }

        private static String command(String command, String what) {
            Objects.requireNonNull(command, what + " cannot be null");
            if (command.isBlank() || command.chars().anyMatch(c -> c < 0x20)) {
                throw new IllegalArgumentException(what + " PHP command must be a program's name or path, not '"
                        + command.strip() + "'");
            }
            return command;
        }

        /** Makes a difference in {@code aspect} have {@code severity}. */
        public Builder rule(Aspect aspect, Severity severity) {
            rules.put(Objects.requireNonNull(aspect, "aspect cannot be null"),
                    Objects.requireNonNull(severity, "severity cannot be null"));
            return this;
        }

        /** The parity check with these settings. */
        public EnvironmentParity build() {
            return new EnvironmentParity(this);
        }
    }
}
