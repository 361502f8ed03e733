package io.sitemove.sync.mysql;

import io.sitemove.remote.TestServers;
import io.sitemove.remote.TestContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import io.sitemove.Server;
import io.sitemove.spi.Direction;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@WithTestkit(ssh = false, mariaDb = true, dns = false)
class MySqlSchemaObjectsIT {
    private final MariaDb oldDb;
    private final MariaDb newDb;
    private final Server oldServer = TestServers.unused("old", "127.0.0.2");
    private final Server newServer = TestServers.unused("new", "127.0.0.3");

    MySqlSchemaObjectsIT(Testkit kit) {
        oldDb = kit.oldDb();
        newDb = kit.newDb();
    }

    private MySqlSyncer syncer(String database) {
        return MySqlSyncer.builder()
                .source(TestServers.endpoint(oldDb, database))
                .target(TestServers.endpoint(newDb, database))
                .lockSourceForFinal(false)
                .build();
    }

    @Test
    void viewsTriggersRoutinesAndEventsArriveWorkingWithADefinerThatExistsOnTheTarget() throws Exception {
        createObjects("objs");

        SyncResult full = syncer("objs").sync(TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD));

        SchemaObjectsCopied objects = Details.copy(full).objects();
        assertEquals(List.of("a_view", "z_view"), objects.views());
        assertEquals(List.of("items_audit"), objects.triggers());
        assertEquals(List.of("add_item"), objects.procedures());
        assertEquals(List.of("item_count"), objects.functions());
        assertEquals(List.of("nightly"), objects.events());
        try (Connection c = newDb.connect("objs"); Statement s = c.createStatement()) {
            s.execute("CALL add_item(7.5, 4)");
            assertEquals("3", single(s, "SELECT item_count()"), "function runs, procedure inserted");
            assertEquals("1", single(s, "SELECT COUNT(*) FROM audit WHERE what = 'insert 3'"), "trigger fired on the target");
            assertEquals("2", single(s, "SELECT COUNT(*) FROM a_view"), "view on a view returns rows");
            assertEquals("30.0000", single(s, "SELECT total FROM items WHERE id = 3"), "stored generated column");
            assertEquals("latin1_german1_ci", single(s, "SELECT COLLATION_NAME FROM information_schema.COLUMNS"
                    + " WHERE TABLE_SCHEMA = 'objs' AND TABLE_NAME = 'items' AND COLUMN_NAME = 'label'"));
            assertEquals("x\u00e4", single(s, "SELECT label FROM items WHERE id = 3"), "column default");
            assertEquals("DISABLED", single(s, "SELECT STATUS FROM information_schema.EVENTS WHERE EVENT_SCHEMA = 'objs'"
                    + " AND EVENT_NAME = 'nightly'"), "event exists, disabled until cutover");
            String definers = single(s, "SELECT GROUP_CONCAT(DISTINCT d) FROM ("
                    + " SELECT DEFINER d FROM information_schema.VIEWS WHERE TABLE_SCHEMA = 'objs'"
                    + " UNION SELECT DEFINER FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = 'objs'"
                    + " UNION SELECT DEFINER FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = 'objs'"
                    + " UNION SELECT DEFINER FROM information_schema.EVENTS WHERE EVENT_SCHEMA = 'objs') x");
            assertEquals(newDb.user() + "@%", definers);
        }
    }

    @Test
    void cleanupAtTheEndOfTheMigrationEnablesTheEventsTheSourceHasEnabledKeepingTheirDefiner() throws Exception {
        createObjects("evts");
        try (Connection c = oldDb.connect("evts"); Statement s = c.createStatement()) {
            s.execute("CREATE DEFINER=`appuser`@`%` EVENT paused ON SCHEDULE EVERY 1 HOUR DISABLE DO DELETE FROM audit");
        }
        MySqlSyncer syncer = syncer("evts");
        TestContext ctx = TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD);
        syncer.sync(ctx);
        assertEquals("nightly=DISABLED,paused=DISABLED", eventStates());

        syncer.cleanup(ctx);
        syncer.cleanup(ctx);

        assertEquals("nightly=ENABLED,paused=DISABLED", eventStates());
        try (Connection c = newDb.connect("evts"); Statement s = c.createStatement()) {
            assertEquals(newDb.user() + "@%", single(s, "SELECT DEFINER FROM information_schema.EVENTS"
                    + " WHERE EVENT_SCHEMA = 'evts' AND EVENT_NAME = 'nightly'"));
        }
    }

    private String eventStates() throws SQLException {
        try (Connection c = newDb.connect("evts"); Statement s = c.createStatement()) {
            return single(s, "SELECT GROUP_CONCAT(CONCAT(EVENT_NAME, '=', STATUS) ORDER BY EVENT_NAME)"
                    + " FROM information_schema.EVENTS WHERE EVENT_SCHEMA = 'evts'");
        }
    }

    @Test
    void binlogDeltaDoesNotFireTheTargetsTriggersAgain() throws Exception {
        createObjects("objdelta");
        MySqlSyncer syncer = syncer("objdelta");
        SyncResult full = syncer.sync(TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD));
        try (Connection c = oldDb.connect("objdelta"); Statement s = c.createStatement()) {
            s.execute("CALL add_item(1.25, 2)");
            s.executeUpdate("UPDATE items SET qty = qty + 1 WHERE id = 1");
        }

        SyncResult delta = syncer.sync(CursorContext.of(oldServer, newServer, SyncMode.DELTA, Direction.FORWARD,
                full.cursor()));

        assertInstanceOf(MySqlBinlogDeltaDetails.class, delta.details());
        try (Connection left = oldDb.connect("objdelta"); Connection right = newDb.connect("objdelta");
             Statement s = right.createStatement()) {
            DatabaseDigest.assertSame(left, right, "objdelta");
            assertEquals("items_audit", single(s, "SELECT GROUP_CONCAT(TRIGGER_NAME) FROM information_schema.TRIGGERS"
                    + " WHERE TRIGGER_SCHEMA = 'objdelta'"), "the trigger is back after the delta");
        }
    }

    private void createObjects(String database) throws SQLException {
        oldDb.createDatabase(database);
        try (Connection c = oldDb.connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE USER IF NOT EXISTS 'appuser'@'%' IDENTIFIED BY 'app-secret-1'");
            s.execute("GRANT ALL ON *.* TO 'appuser'@'%'");
            s.execute("CREATE TABLE items (id INT AUTO_INCREMENT PRIMARY KEY, price DECIMAL(10,4), qty INT,"
                    + " total DECIMAL(14,4) AS (price * qty) STORED,"
                    + " label VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_german1_ci DEFAULT 'x\u00e4')");
            s.execute("CREATE TABLE audit (item INT, what VARCHAR(40))");
            s.execute("CREATE DEFINER=`appuser`@`%` TRIGGER items_audit AFTER INSERT ON items FOR EACH ROW"
                    + " INSERT INTO audit (item, what) VALUES (NEW.id, CONCAT('insert ', NEW.id))");
            s.execute("CREATE DEFINER=`appuser`@`%` PROCEDURE add_item(p DECIMAL(10,4), q INT)"
                    + " BEGIN INSERT INTO items (price, qty) VALUES (p, q); END");
            s.execute("CREATE DEFINER=`appuser`@`%` FUNCTION item_count() RETURNS INT READS SQL DATA"
                    + " RETURN (SELECT COUNT(*) FROM items)");
            s.execute("CREATE DEFINER=`appuser`@`%` SQL SECURITY DEFINER VIEW z_view AS"
                    + " SELECT id, total FROM items WHERE total > 10");
            s.execute("CREATE DEFINER=`appuser`@`%` VIEW a_view AS SELECT id FROM z_view");
            s.execute("CREATE DEFINER=`appuser`@`%` EVENT nightly ON SCHEDULE EVERY 1 DAY DO DELETE FROM audit WHERE item < 0");
            s.execute("INSERT INTO items (price, qty) VALUES (2.5, 10), (1.0, 3)");
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
