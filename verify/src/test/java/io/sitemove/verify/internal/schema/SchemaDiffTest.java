package io.sitemove.verify.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.spi.Finding;
import io.sitemove.spi.Finding.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {
    private static final Column ID = new Column("id", 1, "bigint unsigned", false, null, "auto_increment", null, null);
    private static final Column NAME = new Column("name", 2, "varchar(50)", true, null, "", "utf8mb4", "utf8mb4_unicode_ci");
    private static final Index PRIMARY = new Index("PRIMARY", true, "BTREE", List.of("id"));
    private static final Index BY_NAME = new Index("by_name", false, "BTREE", List.of("name(10)"));

    @Test
    void theSameSchemaHasNoFindings() {
        SchemaDiff.Outcome outcome = diff(schema(table(List.of(ID, NAME), PRIMARY, BY_NAME), view("select 1")),
                schema(table(List.of(ID, NAME), PRIMARY, BY_NAME), view("select 1")));

        assertTrue(outcome.findings().isEmpty(), outcome.findings().list().toString());
        assertEquals(0, outcome.differing());
        assertEquals(2, outcome.compared());
    }

    @Test
    void aChangedColumnCollationNamesTheTableAndColumn() {
        Column binary = new Column("name", 2, "varchar(50)", true, null, "", "utf8mb4", "utf8mb4_bin");

        SchemaDiff.Outcome outcome = diff(schema(table(List.of(ID, NAME), PRIMARY)), schema(table(List.of(ID, binary), PRIMARY)));

        assertEquals(List.of(Finding.blocking("collation", "table `t` column `name`",
                "charset / collation utf8mb4 / utf8mb4_unicode_ci (source)", "utf8mb4 / utf8mb4_bin", TableDiff.RESYNC)),
                outcome.findings().list());
        assertEquals(1, outcome.differing());
    }

    @Test
    void aDroppedIndexNamesTheTableAndIndex() {
        SchemaDiff.Outcome outcome = diff(schema(table(List.of(ID, NAME), PRIMARY, BY_NAME)),
                schema(table(List.of(ID, NAME), PRIMARY)));

        Finding f = only(outcome);
        assertEquals("index", f.check());
        assertEquals("table `t` index `by_name`", f.subject());
        assertEquals("BTREE (name(10)) (source)", f.expected());
        assertEquals("no such index", f.actual());
    }

    @Test
    void aPrefixLengthOrUniquenessIsPartOfTheIndex() {
        Index longer = new Index("by_name", false, "BTREE", List.of("name(20)"));
        Index unique = new Index("by_name", true, "BTREE", List.of("name(10)"));

        assertEquals("BTREE (name(20))", only(diff(schema(table(List.of(ID, NAME), BY_NAME)),
                schema(table(List.of(ID, NAME), longer)))).actual());
        assertEquals("unique BTREE (name(10))", only(diff(schema(table(List.of(ID, NAME), BY_NAME)),
                schema(table(List.of(ID, NAME), unique)))).actual());
    }

    @Test
    void columnsInAnotherOrderAreOneFindingForTheTable() {
        Column nameFirst = new Column("name", 1, NAME.type(), true, null, "", "utf8mb4", "utf8mb4_unicode_ci");
        Column idSecond = new Column("id", 2, ID.type(), false, null, "auto_increment", null, null);

        Finding f = only(diff(schema(table(List.of(ID, NAME))), schema(table(List.of(nameFirst, idSecond)))));

        assertEquals("column", f.check());
        assertEquals("table `t`", f.subject());
        assertEquals("columns in the order id, name (source)", f.expected());
        assertEquals("in the order name, id", f.actual());
    }

    @Test
    void typeNullabilityAndDefaultAreSeparateChecks() {
        Column changed = new Column("name", 2, "varchar(40)", false, "x", "", "utf8mb4", "utf8mb4_unicode_ci");

        List<Finding> findings = diff(schema(table(List.of(ID, NAME))), schema(table(List.of(ID, changed)))).findings().list();

        assertEquals(List.of("column-type", "column-null", "column-default"), findings.stream().map(Finding::check).toList());
        assertEquals("type varchar(50) (source)", findings.get(0).expected());
        assertEquals("NOT NULL", findings.get(1).actual());
        assertEquals("default x", findings.get(2).actual());
    }

    @Test
    void aMissingTriggerIsNamedWithItsTable() {
        SchemaObject trigger = new SchemaObject("trigger", "stamp", "t", "app@%", Map.of("definition", "set new.a = 1"), true);

        Finding f = only(diff(new Schema("db", Map.of(), Map.of(trigger.key(), trigger)), new Schema("db", Map.of(), Map.of())));

        assertEquals(Finding.blocking("trigger", "trigger `stamp` on table `t`", "defined (source)", "no such trigger",
                ObjectDiff.RESYNC), f);
    }

    @Test
    void aChangedViewShowsWhereTheDefinitionsPart() {
        String common = "select `orders`.`id` AS `id` from `orders` where `orders`.`total` > ";
        Finding f = only(diff(schema(view(common + "100")), schema(view(common + "200"))));

        assertEquals("view", f.check());
        assertEquals("view `v`", f.subject());
        assertTrue(f.expected().endsWith("`total` > 100 (source)"), f.expected());
        assertTrue(f.actual().startsWith("definition ..."), f.actual());
        assertTrue(f.actual().endsWith("`total` > 200"), f.actual());
    }

    @Test
    void anotherDefinerIsAWarningThatDoesNotBlock() {
        SchemaObject source = new SchemaObject("view", "v", null, "app@localhost", Map.of("definition", "select 1"), true);
        SchemaObject target = new SchemaObject("view", "v", null, "migrate@%", Map.of("definition", "select 1"), true);

        Finding f = only(diff(schema(source), schema(target)));

        assertEquals("definer", f.check());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("definer app@localhost (source)", f.expected());
    }

    @Test
    void anEventTheSyncerHoldsDisabledIsANoteUntilTheMigrationIsOver() {
        SchemaObject enabled = event("ENABLED");
        SchemaObject disabled = event("DISABLED");

        SchemaDiff.Outcome before = new SchemaDiff(Checks.defaults(), true).compare(schema(enabled), schema(disabled));
        SchemaDiff.Outcome after = new SchemaDiff(Checks.defaults(), false).compare(schema(enabled), schema(disabled));

        assertEquals("event-disabled", only(before).check());
        assertEquals(Severity.INFO, only(before).severity());
        assertEquals(0, before.differing());
        assertEquals("event-status", only(after).check());
        assertEquals(Severity.WARNING, only(after).severity());
    }

    @Test
    void aRuleChangesACheckSeverityAndAnUnknownCheckIsRefused() {
        Checks relaxed = Checks.defaults().with("index", Severity.WARNING);

        Finding f = only(new SchemaDiff(relaxed, true).compare(schema(table(List.of(ID, NAME), PRIMARY, BY_NAME)),
                schema(table(List.of(ID, NAME), PRIMARY))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checks.defaults().with("indexes", Severity.INFO));

        assertEquals(Severity.WARNING, f.severity());
        assertTrue(e.getMessage().contains("no check 'indexes'"), e.getMessage());
    }

    @Test
    void aHiddenDefinitionIsReportedWithThePrivilegeNotAsADifference() {
        SchemaObject hidden = new SchemaObject("procedure", "p", null, "app@%", Map.of("definition", ""), false);
        SchemaObject shown = new SchemaObject("procedure", "p", null, "app@%", Map.of("definition", "begin end"), true);

        Finding f = only(diff(schema(hidden), schema(shown)));

        assertEquals("unreadable", f.check());
        assertEquals("procedure `p`", f.subject());
        assertTrue(f.remedy().contains("mysql.proc") && f.remedy().endsWith("on the source"), f.remedy());
    }

    @Test
    void aDifferenceInWhatTheSourceChangedSinceTheLastSyncIsPendingAndDoesNotBlock() {
        SchemaChanges changes = new SchemaChanges(java.util.Set.of("table t"), true, "");
        Schema source = schema(table(List.of(ID, NAME), PRIMARY, BY_NAME));
        Schema target = new Schema("db", Map.of("t", table(List.of(ID, NAME), PRIMARY)), Map.of("view v", view("select 2")));

        SchemaDiff.Outcome outcome = new SchemaDiff(Checks.defaults(), true, changes, "wait for the next delta")
                .compare(source, target);

        List<Finding> findings = outcome.findings().list();
        assertEquals(2, findings.size(), findings.toString());
        assertTrue(findings.get(0).pending() && !findings.get(0).blocks(), findings.get(0).toText());
        assertEquals("wait for the next delta", findings.get(0).remedy());
        assertTrue(findings.get(1).blocks(), "the extra view was not changed on the source: " + findings.get(1).toText());
        assertEquals(1, outcome.pending());
        assertEquals(1, outcome.differing());
        assertEquals("1 of 2 tables and objects differ here (source: 1 table, 0 views, 0 triggers, 0 routines, 0 events);"
                + " 1 of 2 tables and objects changed on the source since the last sync (pending)",
                SchemaSummary.of(outcome, source, "here"));
    }

    @Test
    void aBinlogThatCouldNotBeReadToTheEndIsNotedAndChangesNothing() {
        SchemaChanges unknown = new SchemaChanges(java.util.Set.of(), false, "the source's binlog could not be read (denied)");

        SchemaDiff.Outcome outcome = new SchemaDiff(Checks.defaults(), true, unknown, "")
                .compare(schema(table(List.of(ID, NAME), PRIMARY, BY_NAME)), schema(table(List.of(ID, NAME), PRIMARY)));

        List<Finding> findings = outcome.findings().list();
        assertTrue(findings.get(0).blocks(), findings.toString());
        assertEquals("schema-changes", findings.get(1).check());
        assertTrue(findings.get(1).actual().startsWith("the source's binlog could not be read (denied);"), findings.get(1).actual());
    }

    private static SchemaDiff.Outcome diff(Schema source, Schema target) {
        return new SchemaDiff(Checks.defaults(), true).compare(source, target);
    }

    private static Finding only(SchemaDiff.Outcome outcome) {
        List<Finding> all = outcome.findings().list();
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    private static Table table(List<Column> columns, Index... indexes) {
        Map<String, Index> byName = new LinkedHashMap<>();
        for (Index i : indexes) {
            byName.put(i.name(), i);
        }
        return new Table("t", "BASE TABLE", "InnoDB", "utf8mb4_unicode_ci", columns, byName, Map.of());
    }

    private static SchemaObject view(String definition) {
        return new SchemaObject("view", "v", null, "app@%", Map.of("definition", definition), true);
    }

    private static SchemaObject event(String status) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("definition", "delete from t");
        p.put("status", status);
        return new SchemaObject("event", "purge", null, "app@%", p, true);
    }

    private static Schema schema(Table table) {
        return new Schema("db", Map.of(table.name(), table), Map.of());
    }

    private static Schema schema(Table table, SchemaObject object) {
        return new Schema("db", Map.of(table.name(), table), Map.of(object.key(), object));
    }

    private static Schema schema(SchemaObject object) {
        return new Schema("db", Map.of(), Map.of(object.key(), object));
    }
}
