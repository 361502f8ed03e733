package io.sitemove.verify.internal.tree;

import io.sitemove.MigrationException;
import io.sitemove.remote.ssh.ExecResult;
import io.sitemove.remote.ssh.SshConnection;
import io.sitemove.verify.internal.Printable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far a server's clock is from this process's, read over SSH: the server's time is taken to be
 * that of the middle of the round trip, so the reading is off by at most half of it.
 *
 * @param offset the server's clock minus this process's
 * @param uncertainty how far the offset may be off either way
 */
public record SourceClock(Duration offset, Duration uncertainty) {
    private static final Pattern READING = Pattern.compile("(-?\\d+)(?:\\.(\\d{1,9}))?");
    private static final Duration WHOLE_SECOND = Duration.ofSeconds(1);

    /** Reads the clock of the server behind {@code ssh}. */
    public static SourceClock read(SshConnection ssh, Clock local) {
        Instant before = local.instant();
        ExecResult result = ssh.exec(TreeCommands.clock()).requireSuccess("read the clock");
        Instant after = local.instant();
        return of(result.stdoutText().strip(), before, after, ssh.server().name());
    }

    /**
     * The clock from the output of {@link TreeCommands#clock()}, read between {@code before} and
     * {@code after}. A {@code date} that prints no nanoseconds adds a second of uncertainty.
     */
    static SourceClock of(String reading, Instant before, Instant after, String server) {
        Matcher m = READING.matcher(reading);
        boolean whole = !m.matches();
        if (whole) {
            m = Pattern.compile("(-?\\d+)\\.?.*").matcher(reading);
            if (!m.matches()) {
                throw MigrationException.permanent("server " + server + ": its clock read '"
                        + Printable.excerpt(reading, 60) + "', not seconds since the epoch; check that date is there");
            }
        }
        Instant remote = Instant.ofEpochSecond(Long.parseLong(m.group(1)), whole ? 0 : nanos(m.group(2)));
        Duration half = Duration.between(before, after).dividedBy(2);
        Duration offset = Duration.between(before.plus(half), remote);
        return new SourceClock(offset, whole ? half.plus(WHOLE_SECOND) : half);
    }

    private static long nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        return Long.parseLong((fraction + "00000000").substring(0, 9));
    }

    /**
     * The earliest time, in whole seconds of the server's clock, that may be the given instant of this
     * process's clock.
     */
    public long earliestSecond(Instant local) {
        return local.plus(offset).minus(uncertainty).getEpochSecond();
    }
}
