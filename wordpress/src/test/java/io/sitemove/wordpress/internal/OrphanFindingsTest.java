package io.sitemove.wordpress.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.spi.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class OrphanFindingsTest {
    private static final Relation POSTMETA = Relation.CORE.get(0);
    private static final WpTables TABLES = new WpTables("wp_");
    private static final DbEndpoint DB = new DbEndpoint("127.0.0.2", 3306, "shop", "u", Secret.of("p"));

    private static DatabaseSnapshot with(long... metaIds) {
        List<Orphan> orphans = LongStream.of(metaIds)
                .mapToObj(id -> new Orphan(POSTMETA, List.of(Long.toString(id)), Long.toString(id * 10))).toList();
        return new DatabaseSnapshot(DB, TABLES, Set.copyOf(WpTables.CORE),
                Map.of(POSTMETA, new Orphans(orphans.size(), orphans)), Map.of(), List.of());
    }

    @Test
    void listsUpToTheCapAndCountsExactlyTheRest() {
        List<Finding> findings = new ArrayList<>();

        long made = new OrphanFindings(2).compare(with(), with(1, 2, 3, 4, 5), findings);

        assertEquals(5, made);
        assertEquals(3, findings.size(), findings.toString());
        assertEquals("wp_postmeta meta_id 1", findings.get(0).subject());
        assertEquals("post_id 10 in wp_posts (ID)", findings.get(0).expected());
        assertEquals("wp_postmeta meta_id 2", findings.get(1).subject());
        assertEquals("3 more orphaned rows not listed", findings.get(2).actual());
        assertTrue(findings.stream().allMatch(Finding::blocks));
    }

    @Test
    void anOrphanTheSourceHasWithTheSameReferenceIsInfoAndOneWithAnotherReferenceIsNot() {
        List<Finding> findings = new ArrayList<>();
        DatabaseSnapshot source = with(7);
        Orphan moved = new Orphan(POSTMETA, List.of("8"), "99");
        DatabaseSnapshot target = new DatabaseSnapshot(DB, TABLES, Set.copyOf(WpTables.CORE), Map.of(POSTMETA,
                new Orphans(2, List.of(new Orphan(POSTMETA, List.of("7"), "70"), moved))), Map.of(), List.of());

        long made = new OrphanFindings(20).compare(source, target, findings);

        assertEquals(1, made);
        assertEquals(Finding.Severity.INFO, findings.get(0).severity());
        assertTrue(findings.get(0).actual().contains("already on the source"), findings.get(0).toText());
        assertEquals("wp_postmeta meta_id 8", findings.get(1).subject());
        assertTrue(findings.get(1).blocks());
    }

    @Test
    void orphansBeyondTheScanAreCountedAsNotComparedWithTheSource() {
        List<Finding> findings = new ArrayList<>();
        List<Orphan> first = List.of(new Orphan(POSTMETA, List.of("1"), "10"));
        DatabaseSnapshot target = new DatabaseSnapshot(DB, TABLES, Set.copyOf(WpTables.CORE),
                Map.of(POSTMETA, new Orphans(4, first)), Map.of(), List.of());

        long made = new OrphanFindings(20).compare(with(), target, findings);

        assertEquals(4, made);
        assertEquals("3 more orphaned rows, not compared with the source", findings.get(1).actual());
    }
}
