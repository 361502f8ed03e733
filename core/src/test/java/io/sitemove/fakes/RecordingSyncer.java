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
    /** What the fake says of each sync, journaled and read back like any syncer's details. */
    public record FakeDetails(String syncer, int call) implements SyncDetails {
        @Override
        public String summary() {
            return syncer + " call " + call;
        }
    }

    /** One call. */
    public record Call(SyncMode mode, Direction direction, String cursorIn) {
    }

    private final String name;
    private final List<Call> calls = new ArrayList<>();
    private final List<Boolean> resumed = new ArrayList<>();
    private boolean crashNext;
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

    /** The process "dies" in the next call: an Error no engine code catches, as a kill would leave it. */
    public RecordingSyncer crashNext() {
        crashNext = true;
        return this;
    }

    /** What a crashed call throws. */
    public static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    public RecordingSyncer changesPerSync(long n) {
        changesPerSync = n;
        return this;
    }

    /** What each call's context said of {@link SyncContext#resumed()}, in order. */
    public List<Boolean> resumedFlags() {
        return List.copyOf(resumed);
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
        resumed.add(ctx.resumed());
        if (crashNext) {
            crashNext = false;
            throw new Crash();
        }
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw MigrationException.of(name + " failed on purpose", null, transientFailures);
        }
        ctx.progress().report(Counts.files(changesPerSync / 2, 100), Counts.files(changesPerSync, 200));
        return new SyncResult(Counts.files(changesPerSync, 1000), 1, 0, Duration.ofMillis(5 + changesPerSync),
                name + "-cursor-" + calls.size(), new FakeDetails(name, calls.size()));
    }
}
