package io.sitemove.sync.mysql.internal.binlog;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import com.github.shyiko.mysql.binlog.event.deserialization.json.JsonBinary;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

/**
 * Decodes the binlog cells whose library decoding loses information, into values that write back
 * exactly: dates and times as the server's own text (zero dates, negative and long TIMEs, every
 * fractional digit; TIMESTAMPs in UTC), YEAR 0000, BIT as an unsigned number, MySQL JSON as text.
 */
public final class ExactCells {
    private static final Set<ColumnType> HANDLED = EnumSet.of(ColumnType.DATE, ColumnType.TIME, ColumnType.TIME_V2,
            ColumnType.TIMESTAMP, ColumnType.TIMESTAMP_V2, ColumnType.DATETIME, ColumnType.DATETIME_V2,
            ColumnType.YEAR, ColumnType.BIT, ColumnType.JSON);
    private static final String ZERO_DATETIME = "0000-00-00 00:00:00";

    private ExactCells() {
    }

    /** Whether {@link #decode} handles the type. */
    public static boolean handles(ColumnType type) {
        return HANDLED.contains(type);
    }

    /** Reads one non-NULL cell of a handled type. */
    public static Serializable decode(ColumnType type, int meta, ByteArrayInputStream in) throws IOException {
        switch (type) {
            case DATE:
                return date(in.readInteger(3));
            case TIME:
                return oldTime(in.readInteger(3));
            case TIME_V2:
                return time2(in, meta);
            case TIMESTAMP:
                return timestamp(in.readLong(4), 0, 0);
            case TIMESTAMP_V2:
                return timestamp(bigEndian(in.read(4)), fraction(in, meta), meta);
            case DATETIME:
                return oldDatetime(in.readLong(8));
            case DATETIME_V2:
                return datetime2(bigEndian(in.read(5)), fraction(in, meta), meta);
            case YEAR:
                int year = in.readInteger(1);
                return year == 0 ? 0 : 1900 + year;
            case BIT:
                int bits = (meta >> 8) * 8 + (meta & 0xFF);
                return new BigInteger(1, in.read((bits + 7) / 8));
            case JSON:
                byte[] json = in.read(in.readInteger(meta));
                return json.length == 0 ? "null" : JsonBinary.parseAsString(json);
            default:
                throw new IOException("ExactCells does not decode " + type);
        }
    }

    static String date(int packed) {
        return String.format("%04d-%02d-%02d", packed >>> 9, (packed >> 5) & 15, packed & 31);
    }

    static String oldTime(int packed) {
        int value = (packed << 8) >> 8;
        int abs = Math.abs(value);
        return String.format("%s%02d:%02d:%02d", value < 0 ? "-" : "", abs / 10000, abs / 100 % 100, abs % 100);
    }

    static String oldDatetime(long packed) {
        if (packed == 0) {
            return ZERO_DATETIME;
        }
        long date = packed / 1_000_000;
        long time = packed % 1_000_000;
        return String.format("%04d-%02d-%02d %02d:%02d:%02d", date / 10000, date / 100 % 100, date % 100,
                time / 10000, time / 100 % 100, time % 100);
    }

    static String datetime2(long packed, long micros, int fsp) {
        long value = packed - 0x8000000000L;
        long ymd = value >> 17;
        long yearMonth = ymd >> 5;
        long hms = value & 0x1FFFF;
        return String.format("%04d-%02d-%02d %02d:%02d:%02d", yearMonth / 13, yearMonth % 13, ymd & 31, hms >> 12,
                (hms >> 6) & 63, hms & 63) + fractionText(micros, fsp);
    }

    static String timestamp(long seconds, long micros, int fsp) {
        if (seconds == 0 && micros == 0) {
            return ZERO_DATETIME + fractionText(0, fsp);
        }
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
        return String.format("%04d-%02d-%02d %02d:%02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond()) + fractionText(micros, fsp);
    }

    static String time2(ByteArrayInputStream in, int fsp) throws IOException {
        long intPart = bigEndian(in.read(3)) - 0x800000L;
        long packed;
        switch (fsp) {
            case 1: case 2: {
                long frac = bigEndian(in.read(1));
                if (intPart < 0 && frac != 0) {
                    intPart++;
                    frac -= 0x100;
                }
                packed = (intPart << 24) + frac * 10000;
                break;
            }
            case 3: case 4: {
                long frac = bigEndian(in.read(2));
                if (intPart < 0 && frac != 0) {
                    intPart++;
                    frac -= 0x10000;
                }
                packed = (intPart << 24) + frac * 100;
                break;
            }
            case 5: case 6:
                packed = bigEndian(in.read(3)) + (intPart << 24);
                break;
            default:
                packed = intPart << 24;
        }
        boolean negative = packed < 0;
        long abs = Math.abs(packed);
        long hms = abs >> 24;
        long micros = abs % (1L << 24);
        return String.format("%s%02d:%02d:%02d", negative ? "-" : "", (hms >> 12) % (1 << 10), (hms >> 6) % 64,
                hms % 64) + fractionText(micros, fsp);
    }

    static String fractionText(long micros, int fsp) {
        if (fsp <= 0) {
            return "";
        }
        return "." + String.format("%06d", micros).substring(0, Math.min(fsp, 6));
    }

    private static long fraction(ByteArrayInputStream in, int fsp) throws IOException {
        int length = (fsp + 1) / 2;
        if (length == 0) {
            return 0;
        }
        long value = bigEndian(in.read(length));
        return length == 1 ? value * 10000 : length == 2 ? value * 100 : value;
    }

    private static long bigEndian(byte[] bytes) {
        long value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }
}
