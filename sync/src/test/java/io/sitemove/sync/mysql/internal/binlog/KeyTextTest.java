package io.sitemove.sync.mysql.internal.binlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sitemove.sync.mysql.internal.ColumnInfo;
import io.sitemove.sync.mysql.internal.TableInfo;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyTextTest {
    private static final ColumnInfo ID = new ColumnInfo("id", "bigint", true, null, null, false);
    private static final ColumnInfo SMALL = new ColumnInfo("n", "smallint", true, null, null, false);
    private static final ColumnInfo NAME = new ColumnInfo("name", "varchar", false, "utf8mb4", "utf8mb4_unicode_ci", false);
    private static final ColumnInfo AT = new ColumnInfo("at", "datetime", false, null, null, false);
    private static final ColumnInfo VALUE = new ColumnInfo("value", "longtext", false, "utf8mb4", "utf8mb4_unicode_ci",
            false);

    @Test
    void unsignedIntegersReadAsTheServerWritesThem() {
        TableInfo t = new TableInfo("t", List.of(ID, SMALL, VALUE), List.of(0, 1));

        assertEquals("18446744073709551615" + KeyText.SEPARATOR + "65535",
                KeyText.of(t, new Serializable[] {-1L, (int) (short) -1, "x"}));
    }

    @Test
    void textKeysInBytesAreDecodedInTheirCharacterSet() {
        TableInfo t = new TableInfo("t", List.of(NAME, VALUE), List.of(0));

        assertEquals("café", KeyText.of(t, new Serializable[] {"café".getBytes(StandardCharsets.UTF_8), "x"}));
    }

    @Test
    void aKeyOfADateIsNotWrittenSoItsTableIsTakenWhole() {
        TableInfo t = new TableInfo("t", List.of(AT, VALUE), List.of(0));

        assertNull(KeyText.of(t, new Serializable[] {"2024-01-01 00:00:00", "x"}));
    }

    @Test
    void joinedValuesAreTheKeyOfAResultSetRow() {
        TableInfo t = new TableInfo("t", List.of(ID, NAME), List.of(0, 1));

        assertEquals(KeyText.join(List.of("7", "a")), KeyText.of(t, new Serializable[] {7L, "a"}));
    }
}
