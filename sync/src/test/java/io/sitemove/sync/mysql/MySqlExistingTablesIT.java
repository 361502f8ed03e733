package io.sitemove.sync.mysql;

import io.sitemove.testkit.FaultTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Server;
import io.sitemove.remote.TestContext;
import io.sitemove.remote.TestServers;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.Direction;
import io.sitemove.spi.SyncMode;
import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithTestkit(ssh = false, mariaDb = true, dns = false)
@FaultTest
class MySqlExistingTablesIT {
    private final MariaDb oldDb;
    private final MariaDb newDb;
    private final Server oldServer = TestServers.unused("old", "127.0.0.2");
    private final Server newServer = TestServers.unused("new", "127.0.0.3");

    MySqlExistingTablesIT(Testkit kit) {
        oldDb = kit.oldDb();
        newDb = kit.newDb();
    }

    private MySqlSyncer.Builder syncer(String database) {
        return MySqlSyncer.builder().source(TestServers.endpoint(oldDb, database))
                .target(TestServers.endpoint(newDb, database)).lockSourceForFinal(false);
    }

    @Test
    void aFullCopyOverTablesTheTargetHoldsIsRefusedAndTheTargetsOwnRowSurvives() throws Exception {
        givenSourceAndTargetBothHoldingTableT("keep");
        MySqlSyncer plain = syncer("keep").build();

        List<CheckResult> checks = plain.preflight(TestContext.forward(oldServer, newServer, SyncMode.FULL));
        CheckResult existing = checks.stream().filter(c -> c.check().startsWith("existing tables")).findFirst()
                .orElseThrow(() -> new AssertionError("no existing-tables check in " + checks));
        assertFalse(existing.passed(), existing.toString());
        assertTrue(existing.detail().contains("`t`") && !existing.detail().contains("`only_target`"),
                existing.detail());
        assertTrue(existing.detail().contains("replaceExisting(true)"), existing.detail());

        ExistingTablesException refused = assertThrows(ExistingTablesException.class,
                () -> plain.sync(TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD)));

        assertEquals(List.of("t"), refused.tables());
        assertFalse(refused.isTransient());
        assertTrue(refused.getMessage().contains("nothing was changed"), refused.getMessage());
        try (Connection c = newDb.connect("keep")) {
            assertEquals("only on the target", DatabaseDigest.single(c, "SELECT v FROM t WHERE id = 1000"));
            assertEquals("1", DatabaseDigest.single(c, "SELECT COUNT(*) FROM t"));
        }
    }

    @Test
    void replaceExistingCopiesIdenticallyAndANamedListIsEnoughForItsTables() throws Exception {
        givenSourceAndTargetBothHoldingTableT("swap");
        MySqlSyncer named = syncer("swap").replaceExisting("t").build();
        assertTrue(named.preflight(TestContext.forward(oldServer, newServer, SyncMode.FULL)).stream()
                .allMatch(CheckResult::passed), "the named table may be replaced");

        syncer("swap").replaceExisting(true).build()
                .sync(TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD));

        try (Connection left = oldDb.connect("swap"); Connection right = newDb.connect("swap")) {
            assertEquals(DatabaseDigest.rows(left, "t"), DatabaseDigest.rows(right, "t"));
            assertEquals("0", DatabaseDigest.single(right, "SELECT COUNT(*) FROM t WHERE id = 1000"));
            assertEquals("1", DatabaseDigest.single(right, "SELECT COUNT(*) FROM only_target"),
                    "a table the source lacks is left alone");
        }
    }

    @Test
    void theSameSyncerRunningFullAgainIsNotRefusedByTheTablesItWroteItself() throws Exception {
        oldDb.createDatabase("again");
        try (Connection c = oldDb.connect("again"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(40))");
            s.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
        }
        MySqlSyncer db = syncer("again").build();
        db.sync(TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD));

        db.sync(TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD));

        try (Connection left = oldDb.connect("again"); Connection right = newDb.connect("again")) {
            assertEquals(DatabaseDigest.rows(left, "t"), DatabaseDigest.rows(right, "t"));
        }
        assertThrows(ExistingTablesException.class, () -> syncer("again").build()
                .sync(TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD)),
                "another syncer (a new process) does not know these tables as its own");
    }

    private void givenSourceAndTargetBothHoldingTableT(String database) throws SQLException {
        oldDb.createDatabase(database);
        try (Connection c = oldDb.connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(40))");
            for (int i = 1; i <= 50; i++) {
                s.execute("INSERT INTO t VALUES (" + i + ", 'row " + i + "')");
            }
        }
        newDb.createDatabase(database);
        try (Connection c = newDb.connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(40))");
            s.execute("INSERT INTO t VALUES (1000, 'only on the target')");
            s.execute("CREATE TABLE only_target (id INT PRIMARY KEY)");
            s.execute("INSERT INTO only_target VALUES (1)");
        }
    }
}
