package io.sitemove.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import io.sitemove.remote.db.DatabaseAuthException;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.Finding;
import io.sitemove.spi.Verification;
import io.sitemove.spi.VerifyStage;
import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

@WithTestkit(ssh = true, mariaDb = true, dns = false)
class TableChecksumVerifierIT {
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(100), total DECIMAL(10,2),"
                    + " placed DATETIME, note TEXT NULL, receipt BLOB NULL)",
            "CREATE TABLE `odd``name` (k VARCHAR(10) NOT NULL, v INT) ENGINE=InnoDB",
            "CREATE TABLE options (name VARCHAR(50) PRIMARY KEY, value LONGTEXT)",
            "CREATE VIEW big_orders AS SELECT id FROM orders WHERE total > 100");
    private static final List<String> ROWS = List.of(
            "INSERT INTO orders VALUES (1, 'Ann', 12.50, '2024-01-02 03:04:05', NULL, X'00FF10'),"
                    + " (2, 'Bob', 99.99, '2024-02-03 04:05:06', '', NULL), (3, 'Café 🚀', 150.00, NULL, 'gift', X'')",
            "INSERT INTO `odd``name` VALUES ('a', 1), ('a', 1), ('b', NULL)",
            "INSERT INTO options VALUES ('siteurl', 'http://site.example.test'), ('blogname', 'Shop')");

    private final Testkit kit;
    private String database;

    TableChecksumVerifierIT(Testkit kit) {
        this.kit = kit;
    }

    @BeforeEach
    void givenTheSameDatabaseOnBothServers(TestInfo test) throws SQLException {
        database = "db_" + test.getTestMethod().orElseThrow().getName();
        for (MariaDb db : List.of(kit.oldDb(), kit.newDb())) {
            db.createDatabase(database);
            execute(db, SCHEMA);
            execute(db, ROWS);
        }
    }

    @Test
    void equalDatabasesPass() {
        Verification result = verifier().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        assertTrue(result.passed(), result.toString());
        assertTrue(result.summary().startsWith("3 tables identical"), result.summary());
        assertTrue(result.summary().contains("(8 rows on source)"), result.summary());
    }

    @Test
    void aChangedValueIsFoundAndTheTableNamed() throws SQLException {
        execute(kit.newDb(), List.of("UPDATE orders SET total = 12.51 WHERE id = 1"));

        Verification result = verifier().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        assertFalse(result.passed());
        Finding content = result.findings().get(0);
        assertEquals("content", content.check(), content.toText());
        assertEquals("table `orders`", content.subject());
        assertEquals(Finding.Severity.BLOCKING, content.severity());
        assertTrue(content.expected().matches("sha256 [0-9a-f]{16}\\.\\.\\. over 3 rows \\(source\\)"), content.expected());
        assertTrue(content.actual().matches("sha256 [0-9a-f]{16}\\.\\.\\. over 3 rows"), content.actual());
        assertFalse(content.toText().contains("differs in 3 rows"), "one row differs, not the table's 3: " + content.toText());
        assertEquals(List.of("content", "checksum-table"), result.findings().stream().map(Finding::check).toList());
        assertTrue(result.summary().startsWith("1 of 3 tables differ"), result.summary());
    }

    @Test
    void valuesSwappedBetweenTwoRowsAreFound() throws SQLException {
        execute(kit.newDb(), List.of("UPDATE options SET value = IF(name = 'siteurl', 'Shop', 'http://site.example.test')"));

        Verification result = verifier().withoutChecksumTable().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        assertEquals(1, result.findings().size(), result.findings().toString());
        assertEquals("content", result.findings().get(0).check(), result.findings().toString());
        assertEquals("table `options`", result.findings().get(0).subject());
    }

    @Test
    void nullAndEmptyStringAreNotTheSame() throws SQLException {
        execute(kit.newDb(), List.of("UPDATE orders SET note = '' WHERE id = 1"));

        Verification result = verifier().withoutChecksumTable().verify(Contexts.of(kit, VerifyStage.CUTOVER));

        assertEquals(1, result.findings().size(), result.findings().toString());
        assertEquals("content", result.findings().get(0).check(), result.findings().toString());
        assertEquals("table `orders`", result.findings().get(0).subject());
    }

    @Test
    void aMissingTableAndAMissingRowAreNamed() throws SQLException {
        execute(kit.newDb(), List.of("DROP TABLE options", "DELETE FROM `odd``name` WHERE k = 'b'"));

        Verification result = verifier().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        assertFalse(result.passed());
        assertEquals(Finding.blocking("row-count", "table `odd``name`", "3 rows (source)", "2 rows", "sync the database again"),
                result.findings().get(0));
        assertTrue(result.findings().contains(Finding.blocking("missing", "table `options`", "2 rows (source)", "no such table",
                "sync the database again")), result.findings().toString());
        assertTrue(result.summary().startsWith("2 of 3 tables differ"), result.summary());
    }

    @Test
    void aChangedColumnTypeIsNamed() throws SQLException {
        execute(kit.newDb(), List.of("ALTER TABLE options MODIFY value TEXT"));

        Verification result = verifier().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        Finding columns = result.findings().get(0);
        assertEquals("columns", columns.check(), result.findings().toString());
        assertEquals("table `options`", columns.subject());
        assertTrue(columns.expected().startsWith("name varchar(50), value longtext;"), columns.expected());
        assertTrue(columns.expected().endsWith(" (source)"), columns.expected());
    }

    @Test
    void preflightPassesAndStopsAtARefusedLoginNamingNoPassword() {
        Contexts.Ctx ctx = Contexts.of(kit, VerifyStage.FUNCTIONAL);
        MariaDb db = kit.newDb();
        TableChecksumVerifier wrongPassword = new TableChecksumVerifier(address(kit.oldDb()),
                new DbEndpoint(db.host(), db.port(), database, db.user(), Secret.of("not-" + db.password())));

        List<CheckResult> ok = verifier().preflight(ctx);
        DatabaseAuthException refused = assertThrows(DatabaseAuthException.class, () -> wrongPassword.preflight(ctx));

        assertTrue(ok.stream().allMatch(CheckResult::passed), ok.toString());
        assertTrue(refused.getMessage().contains("could not connect"), refused.getMessage());
        assertEquals(db.user(), refused.user());
        assertFalse(refused.getMessage().contains(db.password()), "the password leaked into " + refused.getMessage());
    }

    @Test
    void aRefusedLoginIsTypedWithWhereAndWho() {
        MariaDb db = kit.newDb();
        DbEndpoint wrong = new DbEndpoint(db.host(), db.port(), database, db.user(), Secret.of("not-" + db.password()));

        DatabaseAuthException e = assertThrows(DatabaseAuthException.class,
                () -> new TableChecksumVerifier(address(kit.oldDb()), wrong).verify(Contexts.of(kit, VerifyStage.FUNCTIONAL)));

        assertEquals(wrong.where(), e.where());
        assertEquals(db.user(), e.user());
        assertFalse(e.isTransient());
        assertFalse(e.getMessage().contains(db.password()), e.getMessage());
    }

    private TableChecksumVerifier verifier() {
        return new TableChecksumVerifier(address(kit.oldDb()), address(kit.newDb()));
    }

    private DbEndpoint address(MariaDb db) {
        return new DbEndpoint(db.host(), db.port(), database, db.user(), Secret.of(db.password()));
    }

    private void execute(MariaDb db, List<String> sql) throws SQLException {
        try (Connection c = db.connect(database); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }
}
