package io.sitemove.fakes;

import io.sitemove.Counts;
import io.sitemove.MigrationException;
import io.sitemove.spi.Direction;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncDetails;
import io.sitemove.spi.SyncResult;
import io.sitemove.spi.Syncer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A syncer that records its calls, hands out numbered cursors and fails when told to. */
public final class RecordingSyncer implements Syncer {
    /** One call. */
    public record Call(SyncMode mode, Direction direction, String cursorIn) {
    }

    private final String name;
    private final List<Call> calls = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private boolean transientFailures;
    private long changesPerSync = 10;

    public RecordingSyncer(String name) {
        this.name = name;
    }

    /** The next {@code n} calls fail, permanently or transiently. */
    public RecordingSyncer failNext(int n, boolean asTransient) {
        failuresLeft.set(n);
        transientFailures = asTransient;
        return this;
    }

    public RecordingSyncer changesPerSync(long n) {
        changesPerSync = n;
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public long count(SyncMode mode, Direction direction) {
        return calls.stream().filter(c -> c.mode() == mode && c.direction() == direction).count();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> writes() {
        return Set.of("fake:" + name);
    }

    @Override
    public SyncResult sync(SyncContext ctx) {
        calls.add(new Call(ctx.mode(), ctx.direction(), ctx.cursor().orElse(null)));
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw MigrationException.of(name + " failed on purpose", null, transientFailures);
        }
        ctx.progress().report(Counts.files(changesPerSync / 2, 100), Counts.files(changesPerSync, 200));
        return new SyncResult(Counts.files(changesPerSync, 1000), 1, 0, Duration.ofMillis(5 + changesPerSync),
                name + "-cursor-" + calls.size(), SyncDetails.none());
    }
}
