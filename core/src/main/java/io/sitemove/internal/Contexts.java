package io.sitemove.internal;

import io.sitemove.Server;
import io.sitemove.spi.BackupContext;
import io.sitemove.spi.Direction;
import io.sitemove.spi.DnsContext;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.MaintenanceContext;
import io.sitemove.spi.MigrationContext;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.spi.Side;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** The engine's implementations of the SPI contexts. */
final class Contexts {
    private Contexts() {
    }

    record Base(String site, Server source, Server target) implements PreflightContext {
    }

    /** A context that answers the common questions from its {@link Base}. */
    private interface OnBase extends MigrationContext {
        Base base();

        @Override
        default String site() {
            return base().site();
        }

        @Override
        default Server source() {
            return base().source();
        }

        @Override
        default Server target() {
            return base().target();
        }

    }

    /** A sync's context; its checkpoints go to {@code checkpoints}. */
    record Sync(Base base, SyncMode mode, Direction direction, Optional<String> cursor, ProgressReporter progress,
            boolean resumed, Consumer<String> checkpoints) implements SyncContext, OnBase {
        @Override
        public void checkpoint(String cursor) {
            Objects.requireNonNull(cursor, "cursor cannot be null");
            if (cursor.isEmpty()) {
                throw new IllegalArgumentException("cursor cannot be empty");
            }
            checkpoints.accept(cursor);
        }
    }

    /** A verification's context; {@code syncs} are the completed syncs, oldest first. */
    record Verify(Base base, VerifyStage stage, ProgressReporter progress, List<EntryData.Synced> syncs)
            implements VerifyContext, OnBase {
        Verify {
            syncs = List.copyOf(syncs);
        }
    }

    record Maintenance(Base base, Side side) implements MaintenanceContext, OnBase {
    }

    record Dns(Base base, List<DnsRecord> switchTo) implements DnsContext, OnBase {
    }

    record Backup(Base base, ProgressReporter progress) implements BackupContext, OnBase {
    }
}
