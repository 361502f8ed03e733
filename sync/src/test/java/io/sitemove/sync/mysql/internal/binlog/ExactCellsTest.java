package io.sitemove.sync.mysql.internal.binlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ExactCellsTest {
    private static ByteArrayInputStream bytes(long... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return new ByteArrayInputStream(b);
    }

    private static long[] bigEndian(long value, int length) {
        long[] out = new long[length];
        for (int i = length - 1; i >= 0; i--) {
            out[i] = value & 0xFF;
            value >>= 8;
        }
        return out;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = new long[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void datetime2KeepsEveryFractionalDigit() throws IOException {
        long ymd = ((2024L * 13 + 2) << 5) | 29;
        long hms = (12L << 12) | (34L << 6) | 56;
        long packed = ((ymd << 17) | hms) + 0x8000000000L;

        Object value = ExactCells.decode(ColumnType.DATETIME_V2, 3, bytes(concat(bigEndian(packed, 5), bigEndian(7890, 2))));

        assertEquals("2024-02-29 12:34:56.789", value);
    }

    @Test
    void zeroDatetimeAndDateStayZero() throws IOException {
        assertEquals("0000-00-00 00:00:00", ExactCells.decode(ColumnType.DATETIME_V2, 0, bytes(bigEndian(0x8000000000L, 5))));
        assertEquals("0000-00-00", ExactCells.decode(ColumnType.DATE, 0, bytes(0, 0, 0)));
        assertEquals("0000-00-00 00:00:00.000", ExactCells.decode(ColumnType.TIMESTAMP_V2, 3, bytes(0, 0, 0, 0, 0, 0)));
    }

    @Test
    void negativeTimeWithFractionDecodesAsTheServerWroteIt() throws IOException {
        long hms = (12L << 12) | (34L << 6) | 56;
        long stored = 0x800000L + (-hms - 1);

        Object value = ExactCells.decode(ColumnType.TIME_V2, 2, bytes(concat(bigEndian(stored, 3), new long[] {178})));

        assertEquals("-12:34:56.78", value);
    }

    @Test
    void longPositiveTimeAndTimestampInUtc() throws IOException {
        long hms = (838L << 12) | (59L << 6) | 59;
        assertEquals("838:59:59", ExactCells.decode(ColumnType.TIME_V2, 0, bytes(bigEndian(0x800000L + hms, 3))));
        assertEquals("2038-01-19 03:14:07.99",
                ExactCells.decode(ColumnType.TIMESTAMP_V2, 2, bytes(concat(bigEndian(2147483647L, 4), new long[] {99}))));
    }

    @Test
    void yearZeroBitsAndOldFormats() throws IOException {
        assertEquals(0, ExactCells.decode(ColumnType.YEAR, 0, bytes(0)));
        assertEquals(2024, ExactCells.decode(ColumnType.YEAR, 0, bytes(124)));
        assertEquals(BigInteger.valueOf(0b10101), ExactCells.decode(ColumnType.BIT, 5, bytes(0b10101)));
        assertEquals("2001-02-03 04:05:06", ExactCells.oldDatetime(20010203040506L));
        assertEquals("-01:02:03", ExactCells.oldTime(-10203 & 0xFFFFFF));
    }
}
