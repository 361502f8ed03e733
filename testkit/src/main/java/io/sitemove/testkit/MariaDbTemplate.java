package io.sitemove.testkit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB data directory initialised once (mariadb-install-db) and copied for every server, so
 * that starting one takes a fraction of a second. Shared by all testkits under the same parent
 * directory, guarded by a file lock against other JVMs.
 */
final class MariaDbTemplate {

    private static final Logger LOG = LoggerFactory.getLogger(MariaDbTemplate.class);
    static final String REDO_LOG_SIZE = "--innodb-log-file-size=8M";

    private MariaDbTemplate() {
    }

    static synchronized Path ensure(Path parent) {
        Path template = parent.resolve(".mariadb-template");
        Path data = template.resolve("data");
        if (Files.isDirectory(data)) {
            return data;
        }
        Dirs.create(parent);
        try (FileChannel channel = FileChannel.open(parent.resolve(".mariadb-template.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.lock();
            try {
                if (!Files.isDirectory(data)) {
                    install(template);
                }
                return data;
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new TestkitException("cannot create the MariaDB template under " + parent + ": " + e.getMessage(), e);
        }
    }

    private static void install(Path template) throws IOException {
        Path staging = Files.createTempDirectory(template.getParent(), ".mariadb-template-");
        List<String> command = new ArrayList<>(List.of(Binaries.mariadbInstallDb().toString(), "--no-defaults",
                "--datadir=" + staging.resolve("data"), "--auth-root-authentication-method=normal",
                "--skip-test-db", REDO_LOG_SIZE));
        if (RunningAs.root()) {
            command.add("--user=root");
        }
        long started = System.nanoTime();
        try {
            Commands.run(command);
            Dirs.deleteTree(template);
            Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Dirs.deleteTree(staging);
        }
        LOG.info("initialised the MariaDB template {} in {} ms", template, (System.nanoTime() - started) / 1_000_000);
    }
}
