package io.sitemove.sync.mysql.internal.checksum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sitemove.sync.mysql.internal.copy.SecondaryIndexes;
import io.sitemove.sync.mysql.internal.copy.TableJob;
import io.sitemove.sync.mysql.internal.copy.Chunk;
import io.sitemove.sync.mysql.internal.TableInfo;
import io.sitemove.sync.mysql.internal.ColumnInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class RangeSqlTest {
    private static final ColumnInfo ID = new ColumnInfo("id", "int", false, null, null, false);
    private static final ColumnInfo NAME = new ColumnInfo("na`me", "varchar", false, "utf8mb4", "utf8mb4_bin", false);
    private static final ColumnInfo BODY = new ColumnInfo("body", "longtext", false, "utf8mb4", "utf8mb4_bin", false);
    private static final ColumnInfo RATIO = new ColumnInfo("ratio", "float", false, null, null, false);
    private static final TableInfo INFO = new TableInfo("we`ird t", List.of(ID, NAME, BODY, RATIO), List.of(0));
    private static final TableJob JOB = new TableJob(List.of("id", "na`me", "body", "ratio"),
            "`id`, `na``me`, `body`, (`ratio` + 0e0) AS `ratio`", INFO, true, SecondaryIndexes.none(), 1000);

    @Test
    void aShortValueIsItsLengthAndBytesAndNullIsADashThatNoValueStartsWith() {
        assertEquals("COALESCE(CONCAT(LENGTH(CAST(`na``me` AS BINARY)), ':', CAST(`na``me` AS BINARY)), '-')",
                RangeSql.piece(NAME));
    }

    @Test
    void aLongValueIsItsLengthAndItsMd5() {
        assertEquals("COALESCE(CONCAT(LENGTH(CAST(`body` AS BINARY)), ':', MD5(CAST(`body` AS BINARY))), '-')",
                RangeSql.piece(BODY));
    }

    @Test
    void aFloatIsHashedAsItsExactDouble() {
        assertEquals("COALESCE(CONCAT(LENGTH(CAST((`ratio` + 0e0) AS BINARY)), ':', CAST((`ratio` + 0e0) AS BINARY)),"
                + " '-')", RangeSql.piece(RATIO));
    }

    @Test
    void theRowImageHasEveryColumnInTableOrder() {
        String image = RangeSql.rowImage(INFO.columns());

        assertEquals("CONCAT(" + RangeSql.piece(ID) + ", " + RangeSql.piece(NAME) + ", " + RangeSql.piece(BODY) + ", "
                + RangeSql.piece(RATIO) + ")", image);
        assertThrows(IllegalArgumentException.class, () -> RangeSql.rowImage(List.of()));
    }

    @Test
    void aRangeIsHashedInKeyOrderWithinItsBoundsAndOpenAtTheEnds() {
        String image = RangeSql.rowImage(INFO.columns());

        assertEquals("SELECT COUNT(*), SHA2(GROUP_CONCAT(MD5(" + image + ") ORDER BY `id` SEPARATOR ''), 256)"
                + " FROM `we``ird t` WHERE `id` >= ? AND `id` < ?", RangeSql.hash(new Chunk(JOB, 10L, 20L),
                INFO.columns()));
        assertEquals("SELECT COUNT(*), SHA2(GROUP_CONCAT(MD5(" + image + ") ORDER BY `id` SEPARATOR ''), 256)"
                + " FROM `we``ird t` WHERE `id` < ?", RangeSql.hash(new Chunk(JOB, null, 20L), INFO.columns()));
        assertEquals("DELETE FROM `we``ird t` WHERE `id` >= ?", RangeSql.delete(new Chunk(JOB, 20L, null)));
        assertEquals("DELETE FROM `we``ird t`", RangeSql.delete(Chunk.whole(JOB)));
        assertEquals("SELECT `id` FROM `we``ird t` WHERE `id` >= ? AND `id` < ? ORDER BY `id`",
                RangeSql.keys(new Chunk(JOB, 10L, 20L)));
    }

    @Test
    void aCompositeKeyOrdersByAllItsColumnsOverTheWholeTable() {
        TableInfo info = new TableInfo("pairs", List.of(NAME, ID, BODY), List.of(0, 1));
        TableJob job = new TableJob(List.of("na`me", "id", "body"), "`na``me`, `id`, `body`", info, false,
                SecondaryIndexes.none(), 10);

        assertEquals("SELECT COUNT(*), SHA2(GROUP_CONCAT(MD5(" + RangeSql.rowImage(info.columns())
                + ") ORDER BY `na``me`, `id` SEPARATOR ''), 256) FROM `pairs`",
                RangeSql.hash(Chunk.whole(job), info.columns()));
    }

    @Test
    void aTableWithoutAKeyHasNoOrderToHashBy() {
        TableInfo info = new TableInfo("nokey", List.of(ID), List.of());
        TableJob job = new TableJob(List.of("id"), "`id`", info, false, SecondaryIndexes.none(), 10);

        assertThrows(IllegalArgumentException.class, () -> RangeSql.hash(Chunk.whole(job), info.columns()));
    }
}
