package io.sitemove.spi;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a journal entry holds besides its kind and place: typed values the engine needs to resume
 * (cursors, timings, the DNS records read) and a report reads. Journaled as JSON with a {@code type}
 * field naming the record; never a secret.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = EntryData.None.class, name = "none"),
    @JsonSubTypes.Type(value = EntryData.Note.class, name = "note"),
    @JsonSubTypes.Type(value = EntryData.Started.class, name = "started"),
    @JsonSubTypes.Type(value = EntryData.Failed.class, name = "failed"),
    @JsonSubTypes.Type(value = EntryData.Checks.class, name = "checks"),
    @JsonSubTypes.Type(value = EntryData.Synced.class, name = "synced"),
    @JsonSubTypes.Type(value = EntryData.Checkpoint.class, name = "checkpoint"),
    @JsonSubTypes.Type(value = EntryData.Round.class, name = "round"),
    @JsonSubTypes.Type(value = EntryData.Verified.class, name = "verified"),
    @JsonSubTypes.Type(value = EntryData.DnsRead.class, name = "dns-read"),
    @JsonSubTypes.Type(value = EntryData.TtlLowered.class, name = "ttl-lowered"),
    @JsonSubTypes.Type(value = EntryData.MaintenanceOn.class, name = "maintenance-on"),
    @JsonSubTypes.Type(value = EntryData.BackedUp.class, name = "backed-up"),
    @JsonSubTypes.Type(value = EntryData.Propagated.class, name = "propagated"),
    @JsonSubTypes.Type(value = EntryData.CutoverDone.class, name = "cutover-done")
})
public sealed interface EntryData {
    /** A line for reports, or empty. */
    default Optional<String> note() {
        return Optional.empty();
    }

    /** Nothing to keep. */
    record None() implements EntryData {
        /** The one value worth having. */
        public static final None INSTANCE = new None();
    }

    /** A line of what was done ("maintenance off on old"). */
    record Note(String text) implements EntryData {
        public Note {
            Objects.requireNonNull(text, "text cannot be null");
        }

        @Override
        public Optional<String> note() {
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }
    }

    /** A phase was entered; {@code resumed} when a run before this one had entered it. */
    record Started(boolean resumed) implements EntryData {
    }

    /**
     * A phase stopped at a failure.
     *
     * @param message the failure's message (never a secret)
     * @param exception the failure's class name
     * @param transientFailure whether the failure was of a passing kind (a dropped connection), even when
     *     the engine gave up retrying it
     * @param findings the blocking findings when verifications stopped the phase, else empty (and empty
     *     in journals written before findings were kept)
     */
    record Failed(String message, String exception, boolean transientFailure, List<Finding> findings) implements EntryData {
        public Failed {
            Objects.requireNonNull(message, "message cannot be null");
            Objects.requireNonNull(exception, "exception cannot be null");
            findings = findings == null ? List.of() : List.copyOf(findings);
        }

        /** A failure without findings. */
        public Failed(String message, String exception, boolean transientFailure) {
            this(message, exception, transientFailure, List.of());
        }
    }

    /** The preflight's checks, all passed. */
    record Checks(List<CheckResult> checks) implements EntryData {
        public Checks {
            checks = List.copyOf(checks);
        }
    }

    /**
     * One syncer's sync.
     *
     * @param syncer the syncer's name
     * @param mode FULL, DELTA or FINAL
     * @param direction FORWARD, or REVERSE in a rollback
     * @param started when it started
     * @param result what it did, its cursor included
     */
    record Synced(String syncer, SyncMode mode, Direction direction, Instant started, SyncResult result) implements EntryData {
        public Synced {
            Objects.requireNonNull(syncer, "syncer cannot be null");
            Objects.requireNonNull(mode, "mode cannot be null");
            Objects.requireNonNull(direction, "direction cannot be null");
            Objects.requireNonNull(started, "started cannot be null");
            Objects.requireNonNull(result, "result cannot be null");
        }
    }

    /**
     * A sync still running committed everything up to {@code cursor} on the receiving side.
     *
     * @param syncer the syncer's name
     * @param mode FULL, DELTA or FINAL
     * @param direction FORWARD, or REVERSE in a rollback
     * @param cursor where the next sync in this direction starts if this one does not finish
     */
    record Checkpoint(String syncer, SyncMode mode, Direction direction, String cursor) implements EntryData {
        public Checkpoint {
            Objects.requireNonNull(syncer, "syncer cannot be null");
            Objects.requireNonNull(mode, "mode cannot be null");
            Objects.requireNonNull(direction, "direction cannot be null");
            Objects.requireNonNull(cursor, "cursor cannot be null");
            if (cursor.isEmpty()) {
                throw new IllegalArgumentException("cursor cannot be empty");
            }
        }
    }

    /** An incremental-sync round: how long its syncs took together. */
    record Round(int round, Duration took) implements EntryData {
    }

    /** The verifications a step ran, all passed (their findings warnings and notes), and a line about them. */
    record Verified(List<Verification> results, String text) implements EntryData {
        public Verified {
            results = List.copyOf(results);
            Objects.requireNonNull(text, "text cannot be null");
        }

        @Override
        public Optional<String> note() {
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }
    }

    /** The records the moratorium read before changing anything: what a rollback restores. */
    record DnsRead(List<DnsRecord> records) implements EntryData {
        public DnsRead {
            records = List.copyOf(records);
        }
    }

    /** The TTL was lowered at {@code at}; resolvers may cache the old records for {@code oldTtlSeconds}. */
    record TtlLowered(Instant at, long oldTtlSeconds, String text) implements EntryData {
        public TtlLowered {
            Objects.requireNonNull(at, "at cannot be null");
            Objects.requireNonNull(text, "text cannot be null");
        }

        /** The earliest time the cutover may start. */
        public Instant notBefore() {
            return at.plusSeconds(oldTtlSeconds);
        }

        @Override
        public Optional<String> note() {
            return Optional.of(text);
        }
    }

    /** Maintenance was turned on at {@code at}; {@code estimate} is the final sync's estimate then, if any. */
    record MaintenanceOn(Instant at, Duration estimate, String text) implements EntryData {
        public MaintenanceOn {
            Objects.requireNonNull(at, "at cannot be null");
            Objects.requireNonNull(text, "text cannot be null");
        }

        /** The estimate, when there was one. */
        public Optional<Duration> estimated() {
            return Optional.ofNullable(estimate);
        }

        @Override
        public Optional<String> note() {
            return Optional.of(text);
        }
    }

    /** A backup was taken; {@code location} says where it is. */
    record BackedUp(String location) implements EntryData {
        public BackedUp {
            Objects.requireNonNull(location, "location cannot be null");
        }

        @Override
        public Optional<String> note() {
            return Optional.of("backup: " + location);
        }
    }

    /** Every authoritative server answered the new records after {@code took}. */
    record Propagated(Duration took, Map<String, String> answers) implements EntryData {
        public Propagated {
            Objects.requireNonNull(took, "took cannot be null");
            answers = Map.copyOf(answers);
        }

        @Override
        public Optional<String> note() {
            return Optional.of("propagated in " + took.toMillis() + " ms: " + new java.util.TreeMap<>(answers));
        }
    }

    /** The cutover completed: the read-only window and the final syncs' time. */
    record CutoverDone(Duration downtime, Duration finalSync) implements EntryData {
        public CutoverDone {
            Objects.requireNonNull(downtime, "downtime cannot be null");
            Objects.requireNonNull(finalSync, "finalSync cannot be null");
        }
    }
}
