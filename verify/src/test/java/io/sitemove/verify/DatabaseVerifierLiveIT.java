package io.sitemove.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.remote.TestServers;
import io.sitemove.spi.Finding;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.Verification;
import io.sitemove.spi.VerifyStage;
import io.sitemove.sync.mysql.DeltaMethod;
import io.sitemove.sync.mysql.MySqlSyncer;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The database check of a copy made by real syncs (full copy, binlog deltas) from a source that keeps
 * taking writes: those writes are pending, faults are not, and fast mode compares what the last delta touched.
 */
@WithTestkit(ssh = false, mariaDb = true, dns = false)
class DatabaseVerifierLiveIT {
    private final Testkit kit;
    private final Shop shop;
    private String database;
    private MySqlSyncer syncer;
    private SyncHistory history;

    DatabaseVerifierLiveIT(Testkit kit) {
        this.kit = kit;
        this.shop = new Shop(kit);
    }

    @BeforeEach
    void givenASourceCopiedAndSyncedOnce(TestInfo test) throws SQLException {
        database = "live_" + test.getTestMethod().orElseThrow().getName();
        shop.create(kit.oldDb(), database);
        syncer = MySqlSyncer.builder().name("shopdb").source(TestServers.endpoint(kit.oldDb(), database))
                .target(TestServers.endpoint(kit.newDb(), database)).deltaMethod(DeltaMethod.BINLOG)
                .lockSourceForFinal(false).build();
        history = new SyncHistory(syncer);
        history.sync(SyncMode.FULL);
        onSource("UPDATE big SET label = 'edited' WHERE id IN (5, 25000)", "DELETE FROM orders WHERE id = 2");
        history.sync(SyncMode.DELTA);
    }

    @Test
    void aCopyOneSyncBehindPassesWithTheWritesSinceReportedPending() throws Exception {
        onSource("UPDATE orders SET total = 1.00 WHERE id = 3", "INSERT INTO orders VALUES (9, 'Zoe', 5.00, NULL, NULL, NULL)",
                "DELETE FROM big WHERE id = 12345", "UPDATE options SET value = 'Shop 2' WHERE name = 'blogname'",
                "INSERT INTO `odd``name` VALUES ('c', 3)");

        Verification result = verifier().verify(history.at(VerifyStage.FUNCTIONAL));

        assertTrue(result.passed(), result.toString());
        assertTrue(result.findings().stream().allMatch(Finding::pending), result.findings().toString());
        assertEquals(List.of("row-extra table `big` id=12345", "row-count table `big`",
                        "content table `odd``name` (no primary key: compared whole)", "row-count table `odd``name`",
                        "row-content table `options` name=blogname", "row-content table `orders` id=3",
                        "row-missing table `orders` id=9", "row-count table `orders`"),
                result.findings().stream().map(f -> f.check() + " " + f.subject()).toList());
        assertTrue(result.summary().contains("4 rows changed on the source since the last sync, pending"),
                result.summary());
    }

    @Test
    void writesGoingOnDuringTheCheckArePendingToo() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong writes = new AtomicLong();
        Thread writer = new Thread(() -> {
            try (Connection c = kit.oldDb().connect(database); Statement s = c.createStatement()) {
                for (long i = 1; !stop.get(); i++) {
                    s.execute("UPDATE big SET label = 'live " + i + "' WHERE id = " + (1 + (i * 7919) % Shop.BIG));
                    s.execute("INSERT INTO orders VALUES (" + (100 + i) + ", 'Live', 1.00, NULL, NULL, NULL)");
                    writes.incrementAndGet();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        Verification result;
        try {
            Thread.sleep(300);
            result = verifier().verify(history.at(VerifyStage.FUNCTIONAL));
        } finally {
            stop.set(true);
            writer.join(10_000);
        }

        assertTrue(writes.get() > 0);
        assertTrue(result.passed(), result.toString());
        assertFalse(result.findings().isEmpty(), "the writes before the check differ: " + result);
        assertTrue(result.findings().stream().allMatch(Finding::pending), result.findings().toString());
    }

    @Test
    void aFaultOnTheTargetOfALiveSourceIsStillAFault() throws Exception {
        onSource("UPDATE orders SET total = 1.00 WHERE id = 3");
        onTarget("UPDATE big SET body = 'lost' WHERE id = 777");

        Verification result = verifier().verify(history.at(VerifyStage.FUNCTIONAL));

        assertFalse(result.passed());
        assertEquals(List.of("row-content table `big` id=777"), result.blocking().stream()
                .map(f -> f.check() + " " + f.subject()).toList());
        assertEquals(List.of("row-content table `orders` id=3"), result.findings().stream().filter(Finding::pending)
                .map(f -> f.check() + " " + f.subject()).toList());
        assertTrue(result.summary().startsWith("1 of 5 tables differ"), result.summary());
    }

    @Test
    void atTheCutoverEverythingMustMatch() throws Exception {
        onSource("UPDATE orders SET total = 1.00 WHERE id = 3");

        Verification fast = verifier().verify(history.at(VerifyStage.CUTOVER));
        Verification full = DatabaseVerifier.builder().against(syncer).mode(DatabaseVerifier.Mode.FULL).build()
                .verify(history.at(VerifyStage.CUTOVER));

        for (Verification result : List.of(fast, full)) {
            assertFalse(result.passed());
            assertEquals(List.of("row-content table `orders` id=3"), result.blocking().stream()
                    .map(f -> f.check() + " " + f.subject()).toList());
            assertTrue(result.findings().stream().noneMatch(Finding::pending), result.toString());
        }
    }

    @Test
    void fastModeComparesTheRowsTheLastDeltaTouchedAndEveryRowCount() throws Exception {
        onTarget("UPDATE big SET label = 'lost' WHERE id = 25000", "DELETE FROM options WHERE name = 'siteurl'",
                "UPDATE big SET label = 'unseen' WHERE id = 600");

        Verification result = verifier().verify(history.at(VerifyStage.CUTOVER));

        assertEquals(List.of("row-content table `big` id=25000", "row-missing table `options` name=siteurl",
                        "row-count table `options`"),
                result.blocking().stream().map(f -> f.check() + " " + f.subject()).toList(),
                "id 600 was not touched by the last delta and its table's count is right: fast mode leaves it");
        assertTrue(result.summary().contains("fast: row counts of every table, 3 rows the last delta touched"),
                result.summary());
    }

    @Test
    void aFullCheckAtTheCutoverFindsWhatFastModeLeaves() throws Exception {
        onTarget("UPDATE big SET label = 'unseen' WHERE id = 600");

        Verification fast = verifier().verify(history.at(VerifyStage.CUTOVER));
        Verification full = DatabaseVerifier.builder().against(syncer).mode(DatabaseVerifier.Mode.FULL).build()
                .verify(history.at(VerifyStage.CUTOVER));

        assertTrue(fast.passed(), fast.toString());
        assertEquals(List.of("row-content table `big` id=600"), full.blocking().stream()
                .map(f -> f.check() + " " + f.subject()).toList());
    }

    private DatabaseVerifier verifier() {
        return DatabaseVerifier.builder().against(syncer).build();
    }

    private void onSource(String... sql) throws SQLException {
        shop.execute(kit.oldDb(), database, sql);
    }

    private void onTarget(String... sql) throws SQLException {
        shop.execute(kit.newDb(), database, sql);
    }

    static String subjects(List<Finding> findings) {
        return findings.stream().map(Finding::subject).collect(Collectors.joining(", "));
    }
}
