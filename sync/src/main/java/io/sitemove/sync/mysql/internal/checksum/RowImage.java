package io.sitemove.sync.mysql.internal.checksum;

import io.sitemove.sync.mysql.internal.ColumnInfo;
import java.util.List;

/** The row image the checksum delta hashes ({@link RangeSql#rowImage}), for those outside this package. */
public final class RowImage {
    private RowImage() {
    }

    /** The SQL expression whose bytes stand for one row of these columns, NULLs and boundaries marked. */
    public static String of(List<ColumnInfo> columns) {
        return RangeSql.rowImage(columns);
    }
}
