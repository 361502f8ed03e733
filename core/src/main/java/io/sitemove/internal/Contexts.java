package io.sitemove.internal;

import io.sitemove.Server;
import io.sitemove.spi.BackupContext;
import io.sitemove.spi.Direction;
import io.sitemove.spi.DnsContext;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.MaintenanceContext;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.spi.Retry;
import io.sitemove.spi.Side;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.VerifyContext;
import io.sitemove.spi.VerifyStage;
import java.util.List;
import java.util.Optional;

/** The engine's implementations of the SPI contexts. */
final class Contexts {
    private Contexts() {
    }

    record Base(String site, Server source, Server target, Retry retry) implements PreflightContext {
    }

    record Sync(Base base, SyncMode mode, Direction direction, Optional<String> cursor, ProgressReporter progress)
            implements SyncContext {
        public String site() {
            return base.site();
        }

        public Server source() {
            return base.source();
        }

        public Server target() {
            return base.target();
        }

        public Retry retry() {
            return base.retry();
        }
    }

    record Verify(Base base, VerifyStage stage, ProgressReporter progress) implements VerifyContext {
        public String site() {
            return base.site();
        }

        public Server source() {
            return base.source();
        }

        public Server target() {
            return base.target();
        }

        public Retry retry() {
            return base.retry();
        }
    }

    record Maintenance(Base base, Side side) implements MaintenanceContext {
        public String site() {
            return base.site();
        }

        public Server source() {
            return base.source();
        }

        public Server target() {
            return base.target();
        }

        public Retry retry() {
            return base.retry();
        }
    }

    record Dns(Base base, List<DnsRecord> switchTo) implements DnsContext {
        public String site() {
            return base.site();
        }

        public Server source() {
            return base.source();
        }

        public Server target() {
            return base.target();
        }

        public Retry retry() {
            return base.retry();
        }
    }

    record Backup(Base base, ProgressReporter progress) implements BackupContext {
        public String site() {
            return base.site();
        }

        public Server source() {
            return base.source();
        }

        public Server target() {
            return base.target();
        }

        public Retry retry() {
            return base.retry();
        }
    }
}
