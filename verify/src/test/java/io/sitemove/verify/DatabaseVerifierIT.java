package io.sitemove.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import io.sitemove.remote.TestServers;
import io.sitemove.remote.db.DatabaseAuthException;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.Finding;
import io.sitemove.spi.Verification;
import io.sitemove.spi.VerifyStage;
import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The database check on two servers holding the same database, with faults planted on the target. */
@WithTestkit(ssh = true, mariaDb = true, dns = false)
class DatabaseVerifierIT {
    private final Testkit kit;
    private final Shop shop;
    private String database;

    DatabaseVerifierIT(Testkit kit) {
        this.kit = kit;
        this.shop = new Shop(kit);
    }

    @BeforeEach
    void givenTheSameDatabaseOnBothServers(TestInfo test) throws SQLException {
        database = "dbv_" + test.getTestMethod().orElseThrow().getName();
        for (MariaDb db : List.of(kit.oldDb(), kit.newDb())) {
            shop.create(db, database);
        }
    }

    @Test
    void aFaithfulCopyPasses() {
        Verification result = verifier().build().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        assertTrue(result.passed(), result.toString());
        assertEquals(List.of(), result.findings());
        assertTrue(result.summary().startsWith("5 tables identical"), result.summary());
        assertTrue(result.summary().contains("(" + Shop.ROWS + " rows on source)"), result.summary());
    }

    @Test
    void oneChangedRowValueIsNamedByTableAndKey() throws SQLException {
        shop.execute(kit.newDb(), database, "UPDATE orders SET total = 12.51 WHERE id = 1");

        Verification result = verifier().build().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        assertFalse(result.passed());
        assertEquals(1, result.findings().size(), result.findings().toString());
        Finding row = result.findings().get(0);
        assertEquals("row-content", row.check());
        assertEquals("table `orders` id=1", row.subject());
        assertEquals(Finding.Severity.BLOCKING, row.severity());
        assertTrue(row.expected().matches("row hash [0-9a-f]{16} \\(source\\)"), row.expected());
        assertTrue(result.summary().startsWith("1 of 5 tables differ"), result.summary());
    }

    @Test
    void twoRowsWithSwappedValuesAreBothNamed() throws SQLException {
        shop.execute(kit.newDb(), database,
                "UPDATE options SET value = IF(name = 'siteurl', 'Shop', 'http://site.example.test')");

        Verification result = verifier().build().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        assertEquals(List.of("table `options` name=blogname", "table `options` name=siteurl"),
                result.findings().stream().map(Finding::subject).toList(), result.findings().toString());
        assertTrue(result.findings().stream().allMatch(f -> f.check().equals("row-content") && f.blocks()));
    }

    @Test
    void oneDeletedRowInTheMiddleOfABigTableIsNamed() throws SQLException {
        shop.execute(kit.newDb(), database, "DELETE FROM big WHERE id = 17017");

        Verification result = verifier().build().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        assertEquals(List.of(
                Finding.blocking("row-missing", "table `big` id=17017", "the row (source)", "no such row",
                        "sync the database again"),
                Finding.blocking("row-count", "table `big`", Shop.BIG + " rows (source)", (Shop.BIG - 1) + " rows",
                        "sync the database again")), result.findings());
    }

    @Test
    void oneExtraRowIsNamed() throws SQLException {
        shop.execute(kit.newDb(), database, "INSERT INTO orders VALUES (4, 'Eve', 1.00, NULL, NULL, NULL)");

        Verification result = verifier().build().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        assertEquals(List.of("row-extra table `orders` id=4", "row-count table `orders`"),
                result.findings().stream().map(f -> f.check() + " " + f.subject()).toList());
        assertEquals("3 rows (source)", result.findings().get(1).expected());
        assertEquals("4 rows", result.findings().get(1).actual());
    }

    @Test
    void aRowOfACompositeKeyIsNamedByAllItsColumns() throws SQLException {
        shop.execute(kit.newDb(), database, "DELETE FROM term_rel WHERE object_id = 2 AND term_id = 7");

        Verification result = verifier().build().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        assertEquals("table `term_rel` (object_id, term_id)=(2, 7)", result.findings().get(0).subject(),
                result.findings().toString());
        assertEquals("row-missing", result.findings().get(0).check());
    }

    @Test
    void aTableWithoutPrimaryKeyIsComparedWhole() throws SQLException {
        shop.execute(kit.newDb(), database, "UPDATE `odd``name` SET v = 2 WHERE k = 'b'");

        Verification result = verifier().build().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        assertEquals(1, result.findings().size(), result.findings().toString());
        Finding whole = result.findings().get(0);
        assertEquals("content", whole.check());
        assertEquals("table `odd``name` (no primary key: compared whole)", whole.subject());
        assertTrue(whole.expected().startsWith("3 rows, hash "), whole.expected());
        assertTrue(whole.actual().startsWith("3 rows, hash "), whole.actual());
    }

    @Test
    void manyDifferingRowsAreCountedAndTheFirstListed() throws SQLException {
        shop.execute(kit.newDb(), database, "UPDATE big SET label = 'x' WHERE id IN (3, 9000, 15000, 22000, 29999)");

        Verification result = verifier().keysPerTable(2).build().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        assertEquals(List.of("table `big` id=15000", "table `big` id=22000", "table `big`"),
                result.findings().stream().map(Finding::subject).toList(), "listed in key text order");
        assertEquals("3 more rows differ (only 2 keys are listed per table)", result.findings().get(2).actual());
    }

    @Test
    void excludedTablesAreLeftOut() throws SQLException {
        shop.execute(kit.newDb(), database, "DELETE FROM big WHERE id = 5");

        Verification result = verifier().exclude("big").build().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        assertTrue(result.passed(), result.toString());
        assertTrue(result.summary().startsWith("4 tables identical"), result.summary());
    }

    @Test
    void aMissingTableAndOtherColumnsAreNamed() throws SQLException {
        shop.execute(kit.newDb(), database, "DROP TABLE term_rel");
        shop.execute(kit.newDb(), database, "ALTER TABLE options MODIFY value TEXT");

        Verification result = verifier().build().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        assertEquals(List.of("missing table `term_rel`", "columns table `options`"),
                result.findings().stream().map(f -> f.check() + " " + f.subject()).toList());
        assertTrue(result.summary().startsWith("2 of 5 tables differ"), result.summary());
    }

    @Test
    void preflightPassesAndARefusedLoginNamesNoPassword() {
        MariaDb db = kit.newDb();
        DbEndpoint wrong = new DbEndpoint(db.host(), db.port(), database, db.user(), Secret.of("not-" + db.password()));
        DatabaseVerifier refused = DatabaseVerifier.builder().source(endpoint(kit.oldDb())).target(wrong).build();

        List<CheckResult> ok = verifier().build().preflight(Contexts.of(kit, VerifyStage.FUNCTIONAL));
        DatabaseAuthException e = assertThrows(DatabaseAuthException.class,
                () -> refused.verify(Contexts.of(kit, VerifyStage.FUNCTIONAL)));

        assertTrue(ok.stream().allMatch(CheckResult::passed), ok.toString());
        assertEquals(db.user(), e.user());
        assertFalse(e.getMessage().contains(db.password()), e.getMessage());
    }

    private DatabaseVerifier.Builder verifier() {
        return DatabaseVerifier.builder().source(endpoint(kit.oldDb())).target(endpoint(kit.newDb()));
    }

    private DbEndpoint endpoint(MariaDb db) {
        return TestServers.endpoint(db, database);
    }
}
