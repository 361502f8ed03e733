package io.sitemove.internal;

import io.sitemove.Counts;
import io.sitemove.spi.Direction;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import java.util.HashMap;
import java.util.Map;

/** The keys of journaled step data, and conversions of results to and from it. */
final class StepData {
    static final String SYNCER = "syncer";
    static final String MODE = "mode";
    static final String DIRECTION = "direction";
    static final String CURSOR = "cursor";
    static final String BYTES = "bytes";
    static final String FILES = "files";
    static final String ROWS = "rows";
    static final String DELETED = "deleted";
    static final String ATTRIBUTES = "attributesFixed";
    static final String CHANGES = "changes";
    static final String STARTED_MS = "startedAtMs";
    static final String DURATION_MS = "durationMs";
    static final String RECORDS = "records";
    static final String SERIAL = "serial";
    static final String AT_MS = "atMs";
    static final String OLD_TTL = "oldTtl";
    static final String ESTIMATE_MS = "estimateMs";
    static final String DOWNTIME_MS = "downtimeMs";
    static final String PASSED = "passed";
    static final String FAILED = "failed";
    static final String LOCATION = "location";
    static final String COMPLETE = "complete";
    static final String SKIPPED = "skipped";

    private StepData() {
    }

    static Map<String, String> of(String syncer, SyncMode mode, Direction direction, SyncResult r, long startedAtMs) {
        Map<String, String> m = new HashMap<>();
        m.put(SYNCER, syncer);
        m.put(MODE, mode.name());
        m.put(DIRECTION, direction.name());
        m.put(CURSOR, r.cursor());
        m.put(BYTES, Long.toString(r.moved().bytes()));
        m.put(FILES, Long.toString(r.moved().files()));
        m.put(ROWS, Long.toString(r.moved().rows()));
        m.put(DELETED, Long.toString(r.deleted()));
        m.put(ATTRIBUTES, Long.toString(r.attributesFixed()));
        m.put(CHANGES, Long.toString(r.changes()));
        m.put(STARTED_MS, Long.toString(startedAtMs));
        m.put(DURATION_MS, Long.toString(r.duration().toMillis()));
        if (!r.details().summary().isEmpty()) {
            m.put("detail.summary", r.details().summary());
        }
        return m;
    }

    static Counts counts(Map<String, String> data) {
        return new Counts(number(data, BYTES), number(data, FILES), number(data, ROWS));
    }

    static long number(Map<String, String> data, String key) {
        String v = data.get(key);
        return v == null ? 0 : Long.parseLong(v);
    }
}
