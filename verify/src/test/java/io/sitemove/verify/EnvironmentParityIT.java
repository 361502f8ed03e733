package io.sitemove.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import io.sitemove.Server;
import io.sitemove.remote.AccessRefusedException;
import io.sitemove.remote.TestServers;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.spi.CheckResult;
import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WithTestkit(ssh = true, mariaDb = true, dns = false)
class EnvironmentParityIT {
    private final Testkit kit;
    private String phpVersion;

    EnvironmentParityIT(Testkit kit) {
        this.kit = kit;
    }

    @BeforeEach
    void givenTheVersionOfThePhpBothServersRun() throws Exception {
        Process php = new ProcessBuilder("php", "-r", "echo PHP_VERSION;").start();
        phpVersion = new String(php.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, php.waitFor());
    }

    @Test
    void aFaithfulPairPasses() {
        long start = System.nanoTime();
        List<CheckResult> results = parity().build().preflight(Contexts.of(kit, null));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(results.stream().allMatch(CheckResult::passed), results.toString());
        assertTrue(results.stream().noneMatch(r -> r.detail().startsWith("warning:")), results.toString());
        assertEquals("PHP version (CLI) matches: " + phpVersion + " on old, " + phpVersion + " on new",
                result(results, "PHP version (CLI)").detail());
        assertTrue(result(results, "PHP extensions (PHP-FPM)").detail().startsWith("PHP extensions (PHP-FPM) matches"),
                results.toString());
        assertTrue(result(results, "web server").detail().startsWith("web server matches: nginx/"), results.toString());
        assertTrue(result(results, "sql_mode").detail().startsWith("sql_mode matches: '"), results.toString());
        assertTrue(millis < 10_000 + 20_000, "took " + millis + " ms");
        assertTrue(results.stream().noneMatch(r -> r.detail().contains(kit.oldDb().password())
                || r.detail().contains(kit.newDb().password())), results.toString());
    }

    @Test
    void anExtensionLoadedOnOldAndMissingOnNewIsBlocking() throws IOException {
        Path wrapper = kit.newSsh().root().resolve("php-without-ctype");
        Files.writeString(wrapper, "#!/bin/sh\nphp \"$@\" | sed 's/ext=ctype\\x00//'\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));

        List<CheckResult> results = parity().php("php", wrapper.toString()).build().preflight(Contexts.of(kit, null));

        CheckResult extensions = result(results, "PHP extensions (CLI)");
        assertFalse(extensions.passed(), extensions.toString());
        assertTrue(extensions.detail().startsWith("PHP extensions (CLI) differ: ctype loaded on old, missing on new"),
                extensions.detail());
        assertTrue(result(results, "PHP version (CLI)").passed(), results.toString());
    }

    @Test
    void aNewServerWithoutThePhpCommandIsBlocking() {
        List<CheckResult> results = parity().php("php", "/nonexistent/php8.9").build()
                .preflight(Contexts.of(kit, null));

        CheckResult version = result(results, "PHP version (CLI)");
        assertFalse(version.passed(), version.toString());
        assertTrue(version.detail().startsWith("PHP version (CLI) differs: " + phpVersion + " on old, no PHP on new"),
                version.detail());
    }

    @Test
    void aDifferentSqlModeIsBlockingAndNamesBothValues() throws SQLException {
        String oldMode = globalSqlMode(kit.newDb());
        String other = oldMode.contains("STRICT_TRANS_TABLES") ? "NO_ENGINE_SUBSTITUTION" : "STRICT_ALL_TABLES";
        setGlobalSqlMode(kit.newDb(), other);
        try {
            List<CheckResult> results = parity().build().preflight(Contexts.of(kit, null));

            CheckResult mode = result(results, "sql_mode");
            assertFalse(mode.passed(), mode.toString());
            assertTrue(mode.detail().startsWith("sql_mode differs: '" + globalSqlMode(kit.oldDb()) + "' on "
                    + endpoint(kit.oldDb()).where() + ", '" + other + "' on " + endpoint(kit.newDb()).where()),
                    mode.detail());
            assertTrue(mode.detail().contains("change the rule for SQL_MODE"), mode.detail());
            assertTrue(results.stream().filter(r -> !r.passed()).count() == 1, results.toString());
        } finally {
            setGlobalSqlMode(kit.newDb(), oldMode);
        }
    }

    /**
     * The new server's php command is a wrapper that reports PHP 7.4.33: it stands for another PHP
     * installed there (as /usr/bin/php7.4 would be), which one machine running both servers cannot have.
     */
    @Test
    void aPhpVersionMismatchIsBlocking() throws IOException {
        List<CheckResult> results = parity().php("php", otherPhp()).build().preflight(Contexts.of(kit, null));

        CheckResult version = result(results, "PHP version (CLI)");
        assertFalse(version.passed(), version.toString());
        assertTrue(version.detail().startsWith("PHP version (CLI) differs: " + phpVersion + " on old, 7.4.33 on new"),
                version.detail());
        assertTrue(result(results, "PHP-FPM pool").detail().endsWith("not checked: no php-fpm7.4 in /usr/sbin or on"
                + " the PATH on new"), results.toString());
    }

    @Test
    void aRuleTurnsThePhpVersionMismatchIntoAWarning() throws IOException {
        List<CheckResult> results = parity().php("php", otherPhp())
                .rule(EnvironmentParity.Aspect.PHP_MAJOR_VERSION, EnvironmentParity.Severity.WARNING)
                .build().preflight(Contexts.of(kit, null));

        CheckResult version = result(results, "PHP version (CLI)");
        assertTrue(version.passed(), version.toString());
        assertTrue(version.detail().startsWith("warning: PHP version (CLI) differs: " + phpVersion + " on old, 7.4.33"
                + " on new"), version.detail());
        assertTrue(results.stream().allMatch(CheckResult::passed), results.toString());
    }

    @Test
    void aRefusedDatabaseLoginIsThrownWithoutItsSecret() {
        MariaDb db = kit.newDb();
        String secret = "s3cret-" + db.password();
        EnvironmentParity parity = EnvironmentParity.builder().databases(endpoint(kit.oldDb()),
                new DbEndpoint(db.host(), db.port(), "mysql", db.user(), Secret.of(secret))).build();

        AccessRefusedException e = assertThrows(AccessRefusedException.class,
                () -> parity.preflight(Contexts.of(kit, null)));

        assertFalse(e.getMessage().contains(secret), e.getMessage());
        assertFalse(e.getMessage().contains(db.password()), e.getMessage());
    }

    @Test
    void aNewServerThatAcceptsAndNeverAnswersFailsTheCheckWithinItsBound() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName(kit.newSsh().host()))) {
            Server target = Server.builder("new").host(kit.newSsh().host()).port(silent.getLocalPort())
                    .user(kit.newSsh().user()).identity(kit.clientKey()).knownHosts(kit.knownHosts())
                    .handshakeTimeout(Duration.ofSeconds(2)).build();
            Contexts.Ctx ctx = new Contexts.Ctx("site", TestServers.oldServer(kit), target, null, new ArrayList<>());
            long start = System.nanoTime();

            List<CheckResult> results = EnvironmentParity.builder().build().preflight(ctx);

            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(1, results.size(), results.toString());
            CheckResult hosts = results.get(0);
            assertFalse(hosts.passed(), hosts.toString());
            assertTrue(hosts.transientFailure(), hosts.toString());
            assertEquals("PHP and web server on old and new", hosts.check());
            assertTrue(hosts.detail().contains("new"), hosts.detail());
            assertTrue(millis < 2_000 + 3_000, "took " + millis + " ms");
        }
    }

    private EnvironmentParity.Builder parity() {
        return EnvironmentParity.builder().databases(endpoint(kit.oldDb()), endpoint(kit.newDb()));
    }

    private String otherPhp() throws IOException {
        Path wrapper = kit.newSsh().root().resolve("php7.4");
        Files.writeString(wrapper, "#!/bin/sh\nphp \"$@\" | sed 's/version=[0-9][0-9.]*/version=7.4.33/'\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        return wrapper.toString();
    }

    private static DbEndpoint endpoint(MariaDb db) {
        return TestServers.endpoint(db, "mysql");
    }

    private static CheckResult result(List<CheckResult> results, String check) {
        return results.stream().filter(r -> r.check().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no check '" + check + "' in " + results));
    }

    private static String globalSqlMode(MariaDb db) throws SQLException {
        try (Connection c = db.connect(""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@GLOBAL.sql_mode")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void setGlobalSqlMode(MariaDb db, String mode) throws SQLException {
        try (Connection c = db.connect(""); Statement s = c.createStatement()) {
            s.execute("SET GLOBAL sql_mode = '" + mode + "'");
        }
    }
}
