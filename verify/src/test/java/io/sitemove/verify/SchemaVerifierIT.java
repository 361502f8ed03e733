package io.sitemove.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.MigrationException;
import io.sitemove.Secret;
import io.sitemove.Server;
import io.sitemove.remote.BlackHole;
import io.sitemove.remote.TestContext;
import io.sitemove.remote.TestServers;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.Direction;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.Finding;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.spi.SyncResult;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.Verification;
import io.sitemove.spi.VerifyStage;
import io.sitemove.sync.mysql.MySqlSyncer;
import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

@WithTestkit(ssh = false, mariaDb = true, dns = false)
class SchemaVerifierIT {
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE orders (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                    + " customer VARCHAR(100) COLLATE utf8mb4_unicode_ci NOT NULL, total DECIMAL(10,2) DEFAULT 0,"
                    + " status VARCHAR(20) NOT NULL DEFAULT 'new',"
                    + " placed DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,"
                    + " note TEXT NULL, KEY by_customer (customer(20), placed DESC)) ENGINE=InnoDB",
            "CREATE TABLE items (id INT NOT NULL PRIMARY KEY, order_id BIGINT UNSIGNED NOT NULL, sku VARCHAR(40) NOT NULL,"
                    + " qty INT NOT NULL, UNIQUE KEY by_sku (order_id, sku),"
                    + " CONSTRAINT items_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE) ENGINE=InnoDB",
            "CREATE TABLE `odd``name` (k VARCHAR(10) NOT NULL, v INT) ENGINE=InnoDB",
            "CREATE VIEW big_orders AS SELECT id, customer FROM orders WHERE total > 100",
            "CREATE TRIGGER items_qty BEFORE INSERT ON items FOR EACH ROW SET NEW.qty = GREATEST(NEW.qty, 1)",
            "CREATE FUNCTION net(gross DECIMAL(10,2)) RETURNS DECIMAL(10,2) DETERMINISTIC RETURN gross / 1.2",
            "CREATE PROCEDURE close_order(IN oid BIGINT) UPDATE orders SET status = 'closed' WHERE id = oid",
            "CREATE EVENT purge_notes ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00'"
                    + " DO UPDATE orders SET note = NULL WHERE status = 'closed'");

    private static final Server OLD = TestServers.unused("old", "127.0.0.2");
    private static final Server NEW = TestServers.unused("new", "127.0.0.3");

    private final Testkit kit;
    private String database;

    SchemaVerifierIT(Testkit kit) {
        this.kit = kit;
    }

    @BeforeEach
    void givenADatabaseOnTheOldServer(TestInfo test) throws SQLException {
        String method = test.getTestMethod().orElseThrow().getName();
        database = "sv_" + method.substring(0, Math.min(method.length(), 60));
        kit.oldDb().createDatabase(database);
        execute(kit.oldDb(), SCHEMA);
    }

    @Test
    void aFaithfulCopyPasses() throws SQLException {
        givenTheSameSchemaOnTheNewServer();

        Verification result = verifier().verify(Contexts.withoutSsh(VerifyStage.FUNCTIONAL));

        assertTrue(result.passed(), result.findings().toString());
        assertEquals(List.of(), result.findings());
        assertEquals("schema identical in " + endpoint(kit.oldDb()).where() + " and " + endpoint(kit.newDb()).where()
                + ": 3 tables, 1 view, 1 trigger, 2 routines, 1 event", result.summary());
    }

    @Test
    void aCopyMadeByTheMySqlSyncerPassesWithItsEventHeldDisabled() throws SQLException {
        kit.newDb().createDatabase(database);
        MySqlSyncer syncer = MySqlSyncer.builder().source(endpoint(kit.oldDb())).target(endpoint(kit.newDb()))
                .lockSourceForFinal(false).build();
        syncer.sync(TestContext.forward(OLD, NEW, SyncMode.FULL));

        Verification result = SchemaVerifier.builder().against(syncer).build()
                .verify(Contexts.withoutSsh(VerifyStage.FUNCTIONAL));

        assertTrue(result.passed(), result.findings().toString());
        assertEquals(List.of(new Finding("event-disabled", "event `purge_notes`", "ENABLED (source)", "DISABLED",
                Finding.Severity.INFO, "the migration enables it on the target once it is over", false)), result.findings());
        assertTrue(result.summary().startsWith("schema identical"), result.summary());
    }

    @Test
    void aSchemaChangeOnTheLiveSourceAfterTheLastSyncIsPendingUntilTheCutover() throws SQLException {
        kit.newDb().createDatabase(database);
        MySqlSyncer syncer = MySqlSyncer.builder().source(endpoint(kit.oldDb())).target(endpoint(kit.newDb()))
                .lockSourceForFinal(false).recopyTablesOnDdl(true).build();
        SyncResult full = syncer.sync(TestContext.forward(OLD, NEW, SyncMode.FULL));
        List<EntryData.Synced> syncs = List.of(new EntryData.Synced(syncer.name(), SyncMode.FULL, Direction.FORWARD,
                Instant.now(), full));
        execute(kit.oldDb(), List.of("ALTER TABLE orders ADD COLUMN late INT", "CREATE INDEX by_status ON orders (status)"));
        SchemaVerifier verifier = SchemaVerifier.builder().against(syncer).build();

        Verification live = verifier.verify(new LiveCtx(VerifyStage.FUNCTIONAL, syncs));
        execute(kit.newDb(), List.of("DROP TRIGGER items_qty"));
        Verification faulty = verifier.verify(new LiveCtx(VerifyStage.FUNCTIONAL, syncs));
        Verification cutover = verifier.verify(new LiveCtx(VerifyStage.CUTOVER, syncs));

        assertTrue(live.passed(), live.findings().toString());
        assertEquals(List.of("table `orders` column `late`", "table `orders` index `by_status`"), live.findings().stream()
                .filter(Finding::pending).map(Finding::subject).toList());
        assertTrue(live.summary().startsWith("schema as the last sync left it"), live.summary());
        assertTrue(live.summary().endsWith("; 1 of 8 tables and objects changed on the source since the last sync (pending)"),
                live.summary());
        assertEquals(List.of("trigger `items_qty` on table `items`"), faulty.blocking().stream().map(Finding::subject).toList());
        assertEquals(List.of("table `orders` column `late`", "table `orders` index `by_status`",
                "trigger `items_qty` on table `items`"), cutover.blocking().stream().map(Finding::subject).toList());
    }

    /** A verification of a live site: the syncs the engine's journal would hold. */
    private record LiveCtx(VerifyStage stage, List<EntryData.Synced> syncs) implements VerifyContext {
        @Override
        public String site() {
            return "site";
        }

        @Override
        public Server source() {
            return OLD;
        }

        @Override
        public Server target() {
            return NEW;
        }

        @Override
        public ProgressReporter progress() {
            return (done, total) -> { };
        }
    }

    @Test
    void aChangedColumnCollationIsCaughtNamingTableAndColumn() throws SQLException {
        givenTheSameSchemaOnTheNewServer();
        execute(kit.newDb(), List.of("ALTER TABLE orders MODIFY customer VARCHAR(100) COLLATE utf8mb4_bin NOT NULL"));

        Verification result = verifier().verify(Contexts.withoutSsh(VerifyStage.FUNCTIONAL));

        assertFalse(result.passed());
        assertEquals(List.of(Finding.blocking("collation", "table `orders` column `customer`",
                "charset / collation utf8mb4 / utf8mb4_unicode_ci (source)", "utf8mb4 / utf8mb4_bin",
                "sync the database again, so that the table is recreated from the source")), result.findings());
        assertTrue(result.summary().startsWith("1 of 8 tables and objects differ"), result.summary());
    }

    @Test
    void aDroppedIndexIsCaughtNamingTableAndIndex() throws SQLException {
        givenTheSameSchemaOnTheNewServer();
        execute(kit.newDb(), List.of("ALTER TABLE orders DROP INDEX by_customer"));

        Verification result = verifier().verify(Contexts.withoutSsh(VerifyStage.CUTOVER));

        Finding f = only(result);
        assertEquals("index", f.check());
        assertEquals("table `orders` index `by_customer`", f.subject());
        assertEquals("BTREE (customer(20), placed DESC) (source)", f.expected());
        assertEquals("no such index", f.actual());
        assertTrue(f.blocks());
    }

    @Test
    void aMissingTriggerIsCaught() throws SQLException {
        givenTheSameSchemaOnTheNewServer();
        execute(kit.newDb(), List.of("DROP TRIGGER items_qty"));

        Finding f = only(verifier().verify(Contexts.withoutSsh(VerifyStage.FUNCTIONAL)));

        assertEquals(Finding.blocking("trigger", "trigger `items_qty` on table `items`", "defined (source)",
                "no such trigger", "sync the database again, so that its schema objects are recreated from the source"), f);
    }

    @Test
    void aChangedViewIsCaughtWhereItsDefinitionDiffers() throws SQLException {
        givenTheSameSchemaOnTheNewServer();
        execute(kit.newDb(), List.of("CREATE OR REPLACE VIEW big_orders AS SELECT id, customer FROM orders WHERE total > 500"));

        Finding f = only(verifier().verify(Contexts.withoutSsh(VerifyStage.FUNCTIONAL)));

        assertEquals("view", f.check());
        assertEquals("view `big_orders`", f.subject());
        assertTrue(f.expected().endsWith("> 100 (source)"), f.expected());
        assertTrue(f.actual().endsWith("> 500"), f.actual());
        assertFalse(f.expected().contains(database), "the database's own name is normalised away: " + f.expected());
    }

    @Test
    void anExcludedTableIsNotCompared() throws SQLException {
        givenTheSameSchemaOnTheNewServer();
        execute(kit.newDb(), List.of("ALTER TABLE `odd``name` ADD COLUMN extra INT"));

        Verification excluded = verifier(b -> b.excludeTables("odd*")).verify(Contexts.withoutSsh(VerifyStage.FUNCTIONAL));
        Verification compared = verifier().verify(Contexts.withoutSsh(VerifyStage.FUNCTIONAL));

        assertTrue(excluded.passed(), excluded.findings().toString());
        assertEquals("table `odd``name` column `extra`", only(compared).subject());
        assertEquals("column", only(compared).check());
    }

    @Test
    void anotherDefinerIsAWarningThatLetsTheVerificationPass() throws SQLException {
        givenTheSameSchemaOnTheNewServer();
        execute(kit.newDb(), List.of("CREATE OR REPLACE DEFINER = 'someone'@'localhost' VIEW big_orders AS"
                + " SELECT id, customer FROM orders WHERE total > 100"));

        Verification result = verifier().verify(Contexts.withoutSsh(VerifyStage.FUNCTIONAL));

        assertTrue(result.passed(), result.findings().toString());
        Finding f = only(result);
        assertEquals("definer", f.check());
        assertEquals("view `big_orders`", f.subject());
        assertEquals(Finding.Severity.WARNING, f.severity());
        assertEquals("definer someone@localhost", f.actual());
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersFailsWithinItsBoundNamingIt() throws Exception {
        try (BlackHole hole = new BlackHole()) {
            DbEndpoint silent = new DbEndpoint("127.0.0.1", hole.port(), database, "sitemove", Secret.of("unused"))
                    .withConnectTimeout(Duration.ofSeconds(1));
            SchemaVerifier toSilent = SchemaVerifier.builder().source(endpoint(kit.oldDb())).target(silent).build();

            long start = System.nanoTime();
            MigrationException e = assertThrows(MigrationException.class,
                    () -> toSilent.verify(Contexts.withoutSsh(VerifyStage.FUNCTIONAL)));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(e.isTransient(), e.getMessage());
            assertTrue(e.getMessage().contains("127.0.0.1:" + hole.port() + "/" + database), e.getMessage());
            assertTrue(e.getMessage().contains("connect timeout"), e.getMessage());
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
        }
    }

    @Test
    void threeHundredTablesAreComparedInBoundedTime() throws SQLException {
        List<String> tables = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            tables.add("CREATE TABLE t" + i + " (id INT PRIMARY KEY, a VARCHAR(50) NOT NULL, b DATETIME NULL,"
                    + " c DECIMAL(8,2) DEFAULT 1.5, KEY by_a (a), KEY by_ab (a, b))");
        }
        execute(kit.oldDb(), tables);
        givenTheSameSchemaOnTheNewServer();
        execute(kit.newDb(), tables);
        execute(kit.newDb(), List.of("ALTER TABLE t299 MODIFY b DATE NULL"));

        long start = System.nanoTime();
        Verification result = verifier().verify(Contexts.withoutSsh(VerifyStage.FUNCTIONAL));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals("table `t299` column `b`", only(result).subject());
        assertEquals("column-type", only(result).check());
        assertTrue(result.summary().startsWith("1 of 308 tables and objects differ"), result.summary());
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "300 tables took " + took);
    }

    @Test
    void preflightPassesWithTheMigrationUserAndNamesTheMissingPrivilegesOfAnother() throws SQLException {
        givenTheSameSchemaOnTheNewServer();
        String user = "sv_limited";
        String password = "limited-" + Long.toHexString(System.nanoTime());
        execute(kit.oldDb(), List.of("DROP USER IF EXISTS '" + user + "'@'%'", "CREATE USER '" + user + "'@'%' IDENTIFIED BY '"
                + password + "'", "GRANT SELECT ON `" + database + "`.* TO '" + user + "'@'%'"));
        try {
            MariaDb old = kit.oldDb();
            DbEndpoint limited = new DbEndpoint(old.host(), old.port(), database, user, Secret.of(password));
            SchemaVerifier limitedVerifier = SchemaVerifier.builder().source(limited).target(endpoint(kit.newDb())).build();

            List<CheckResult> ok = verifier().preflight(Contexts.withoutSsh(VerifyStage.FUNCTIONAL));
            List<CheckResult> refused = limitedVerifier.preflight(Contexts.withoutSsh(VerifyStage.FUNCTIONAL));

            assertTrue(ok.stream().allMatch(CheckResult::passed), ok.toString());
            CheckResult source = refused.get(0);
            assertFalse(source.passed(), refused.toString());
            assertTrue(source.detail().contains("lacks SHOW VIEW, TRIGGER, EVENT"), source.detail());
            assertTrue(source.detail().contains("GRANT SHOW VIEW, TRIGGER, EVENT ON `" + database + "`.* TO 'sv_limited'@'%'"),
                    source.detail());
            assertFalse(source.detail().contains(password), source.detail());
            assertTrue(refused.get(1).passed(), refused.toString());
            Verification hidden = limitedVerifier.verify(Contexts.withoutSsh(VerifyStage.FUNCTIONAL));
            Finding privilege = hidden.findings().get(0);
            assertEquals("privilege", privilege.check(), hidden.findings().toString());
            assertEquals("database `" + database + "` on the source", privilege.subject());
            assertEquals(Finding.Severity.WARNING, privilege.severity());
            assertTrue(privilege.actual().contains("so the views' definitions, the triggers, the events, the routines other"
                    + " accounts defined may be missing"), privilege.actual());
            assertTrue(privilege.remedy().startsWith("GRANT SHOW VIEW, TRIGGER, EVENT ON"), privilege.remedy());
            assertFalse(hidden.passed(), "what the source hides still differs: " + hidden.findings());

            execute(kit.oldDb(), List.of("GRANT SHOW VIEW, TRIGGER, EVENT ON `" + database + "`.* TO '" + user + "'@'%'"));
            CheckResult routines = limitedVerifier.preflight(Contexts.withoutSsh(VerifyStage.FUNCTIONAL)).get(0);
            execute(kit.oldDb(), List.of("GRANT SELECT ON mysql.proc TO '" + user + "'@'%'"));
            List<CheckResult> granted = limitedVerifier.preflight(Contexts.withoutSsh(VerifyStage.FUNCTIONAL));
            Verification all = limitedVerifier.verify(Contexts.withoutSsh(VerifyStage.FUNCTIONAL));

            assertFalse(routines.passed());
            assertTrue(routines.detail().endsWith("may not read routines that another account defined, so information_schema"
                    + " hides them; GRANT SELECT ON mysql.proc TO 'sv_limited'@'%'"), routines.detail());
            assertTrue(granted.stream().allMatch(CheckResult::passed), granted.toString());
            assertTrue(all.passed(), "the privileges named are all it takes: " + all.findings());
            assertEquals(List.of(), all.findings());
        } finally {
            execute(kit.oldDb(), List.of("DROP USER IF EXISTS '" + user + "'@'%'"));
        }
    }

    private void givenTheSameSchemaOnTheNewServer() throws SQLException {
        kit.newDb().createDatabase(database);
        execute(kit.newDb(), SCHEMA);
    }

    private SchemaVerifier verifier() {
        return verifier(b -> b);
    }

    private SchemaVerifier verifier(java.util.function.UnaryOperator<SchemaVerifier.Builder> more) {
        return more.apply(SchemaVerifier.builder().source(endpoint(kit.oldDb())).target(endpoint(kit.newDb()))).build();
    }

    private static Finding only(Verification result) {
        assertEquals(1, result.findings().size(), result.findings().toString());
        return result.findings().get(0);
    }

    private DbEndpoint endpoint(MariaDb db) {
        return TestServers.endpoint(db, database);
    }

    private void execute(MariaDb db, List<String> sql) throws SQLException {
        try (Connection c = db.connect(database); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }
}
