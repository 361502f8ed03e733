package io.sitemove.sync.mysql.internal.copy;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The rows of a streaming result set as {@code LOAD DATA} input, produced as the driver reads it:
 * fields separated by TAB, rows ended by LF, escaped with backslash ({@code \\ \t \n \r \0}), NULL
 * as {@code \N}; values are the server's own bytes, loaded {@code CHARACTER SET binary}. One result
 * set feeds several {@code LOAD DATA} statements ("parts") of about {@code partBytes} each; the
 * last row read is kept for keyset paging. A failure reading the source is kept for the caller.
 */
public final class LoadDataStream extends InputStream {
    private final ResultSet rows;
    private final int columns;
    private byte[][] lastRow;
    private byte[] buffer = new byte[64 * 1024];
    private int position;
    private int length;
    private boolean fetched;
    private boolean exhausted;
    private long partLimit;
    private long partBytes;
    private long partRows;
    private long partValueBytes;
    private long largestRow;
    private SQLException failure;

    public LoadDataStream(ResultSet rows, int columns) {
        this.rows = rows;
        this.columns = columns;
    }

    /** Whether rows remain; reads ahead one row. */
    public boolean hasMore() throws SQLException {
        if (!fetched && !exhausted) {
            fetched = rows.next();
            exhausted = !fetched;
        }
        return fetched;
    }

    /** Starts the input of the next statement, ending after the row that passes {@code limit} bytes. */
    public void startPart(long limit) {
        partLimit = limit;
        partBytes = 0;
        partRows = 0;
        partValueBytes = 0;
        position = 0;
        length = 0;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (position == length) {
            if (partBytes >= partLimit) {
                return -1;
            }
            try {
                if (!hasMore()) {
                    return -1;
                }
                encodeRow();
            } catch (SQLException e) {
                failure = e;
                throw new IOException("reading the source failed: " + e.getMessage(), e);
            }
        }
        int n = Math.min(len, length - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    private void encodeRow() throws SQLException {
        fetched = false;
        position = 0;
        length = 0;
        long valueBytes = 0;
        byte[][] row = new byte[columns][];
        for (int i = 0; i < columns; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            byte[] v = rows.getBytes(i + 1);
            row[i] = v;
            if (v == null) {
                put((byte) '\\');
                put((byte) 'N');
                continue;
            }
            valueBytes += v.length;
            ensure(v.length * 2);
            length = escape(v, buffer, length);
        }
        put((byte) '\n');
        lastRow = row;
        partRows++;
        partBytes += length;
        partValueBytes += valueBytes;
        largestRow = Math.max(largestRow, valueBytes);
    }

    /**
     * Writes {@code v} escaped into {@code out} from {@code at}, which has room for twice its length;
     * runs without a byte to escape are copied whole. Returns the new end.
     */
    static int escape(byte[] v, byte[] out, int at) {
        int end = at;
        int run = 0;
        for (int i = 0; i < v.length; i++) {
            byte c = v[i];
            if (c > '\r' && c != '\\' || c < 0) {
                continue;
            }
            byte code = switch (c) {
                case '\\' -> '\\';
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case 0 -> '0';
                default -> 0;
            };
            if (code == 0) {
                continue;
            }
            System.arraycopy(v, run, out, end, i - run);
            end += i - run;
            out[end++] = '\\';
            out[end++] = code;
            run = i + 1;
        }
        System.arraycopy(v, run, out, end, v.length - run);
        return end + v.length - run;
    }

    private void put(byte c) {
        ensure(2);
        buffer[length++] = c;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    /** Rows handed out in the current part. */
    public long partRows() {
        return partRows;
    }

    /** Bytes of values (not counting escapes) handed out in the current part. */
    public long partValueBytes() {
        return partValueBytes;
    }

    /** The largest row so far, in value bytes. */
    public long largestRow() {
        return largestRow;
    }

    /** The values of the last row handed out, or null before the first. */
    public byte[][] lastRow() {
        return lastRow;
    }

    /** A failure reading the source during the last part, or null. */
    public SQLException failure() {
        return failure;
    }

    /** Drops a buffer grown for a very large row. */
    public void shrink() {
        if (buffer.length > 1024 * 1024 && position == length) {
            buffer = new byte[64 * 1024];
            position = 0;
            length = 0;
        }
    }
}
