package io.sitemove.verify.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.spi.Finding;
import io.sitemove.sync.mysql.BinlogChanges;
import io.sitemove.sync.mysql.BinlogPosition;
import io.sitemove.sync.mysql.TableComparer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DbFindingsTest {
    private static final BinlogPosition AT = new BinlogPosition("mariadb-bin.000001", 4);

    @Test
    void oneRowDifferingInABigTableIsOneRowNotTheTablesSize() {
        TableResult posts = new TableResult("wp_posts", 48, 48, List.of(content("7")), 1, null, null, true);

        List<Finding> findings = new DbFindings(20, null).add(outcome(posts)).list();

        assertEquals(1, findings.size());
        assertEquals("table `wp_posts` ID=7", findings.get(0).subject());
        assertFalse(findings.get(0).toText().contains("48"), findings.get(0).toText());
    }

    @Test
    void aDifferenceOnAKeyChangedSinceTheLastSyncIsPendingAndTheRestIsNot() {
        TableResult posts = new TableResult("wp_posts", 3, 3, List.of(content("1"), content("2")), 2, null, null, true);
        BinlogChanges since = new BinlogChanges(AT, AT, Map.of("wp_posts", Set.of("2")), Set.of(), false);

        DbFindings f = new DbFindings(20, since).add(outcome(posts));

        assertEquals(List.of("table `wp_posts` ID=1"), f.list().stream().filter(Finding::blocks)
                .map(Finding::subject).toList());
        assertEquals(List.of("table `wp_posts` ID=2"), f.list().stream().filter(Finding::pending)
                .map(Finding::subject).toList());
        assertEquals(1, f.rowsPending());
        assertEquals(1, f.tablesDiffering());
    }

    @Test
    void aRowCountIsPendingOnlyWhenEveryRowOfItsTableIs() {
        TableResult posts = new TableResult("wp_posts", 4, 3, List.of(missing("4")), 1, null, null, true);
        BinlogChanges since = new BinlogChanges(AT, AT, Map.of("wp_posts", Set.of("4")), Set.of(), false);

        DbFindings f = new DbFindings(20, since).add(outcome(posts));

        assertTrue(f.list().stream().allMatch(Finding::pending), f.list().toString());
        assertEquals(0, f.tablesDiffering());
        assertEquals("4 rows (source)", f.list().get(1).expected());
        assertEquals("3 rows", f.list().get(1).actual());
    }

    @Test
    void rowsBeyondTheCapAreCountedInOneFinding() {
        List<RowDiff> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            rows.add(content(Integer.toString(i)));
        }
        TableResult posts = new TableResult("wp_posts", 9, 9, rows, 7, null, null, true);

        List<Finding> findings = new DbFindings(2, null).add(outcome(posts)).list();

        assertEquals(3, findings.size());
        assertEquals("5 more rows differ (only 2 keys are listed per table)", findings.get(2).actual(),
                "3 kept beyond the cap and 2 not even kept");
    }

    private static DatabaseCheck.Outcome outcome(TableResult... results) {
        return new DatabaseCheck.Outcome(List.of(), List.of(), Map.of(), List.of(results));
    }

    private static RowDiff content(String id) {
        return RowDiff.of(TableComparer.keyText(List.of(id)), "ID=" + id, "a".repeat(32), "b".repeat(32));
    }

    private static RowDiff missing(String id) {
        return RowDiff.of(TableComparer.keyText(List.of(id)), "ID=" + id, "a".repeat(32), null);
    }
}
