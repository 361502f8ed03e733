package io.sitemove.sync.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BinlogPositionTest {
    @Test
    void cursorTextRoundTrips() {
        BinlogPosition p = new BinlogPosition("mariadb-bin.000003", 4711);

        assertEquals("mariadb-bin.000003:4711", p.toString());
        assertEquals(Optional.of(p), BinlogPosition.parse(p.toString()));
    }

    @Test
    void emptyOrForeignCursorsAreNoBinlogPosition() {
        assertEquals(Optional.empty(), BinlogPosition.parse(""));
        assertEquals(Optional.empty(), BinlogPosition.parse(null));
        assertEquals(Optional.empty(), BinlogPosition.parse("sha256-of-a-manifest"));
        assertEquals(Optional.empty(), BinlogPosition.parse("bin.000001:x"));
        assertEquals(Optional.empty(), BinlogPosition.parse("../etc/passwd:10"));
    }

    @Test
    void ordersByFileSequenceThenOffset() {
        assertTrue(new BinlogPosition("b.000009", 900).compareTo(new BinlogPosition("b.000010", 4)) < 0);
        assertTrue(new BinlogPosition("b.000010", 5).compareTo(new BinlogPosition("b.000010", 4)) > 0);
        assertEquals(0, new BinlogPosition("b.000010", 4).compareTo(new BinlogPosition("b.000010", 4)));
    }

    @Test
    void refusesImpossiblePositions() {
        assertThrows(IllegalArgumentException.class, () -> new BinlogPosition("b.000001", 3));
        assertThrows(IllegalArgumentException.class, () -> new BinlogPosition(" ", 4));
    }
}
