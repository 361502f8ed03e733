package io.sitemove.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts one mariadbd from a copy of the template and creates the {@code sitemove} user. */
final class MariaDbLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(MariaDbLauncher.class);
    private static final String USER = "sitemove";

    private final Lifecycle lifecycle;
    private final Path workDir;
    private final Path socketDir;
    private final List<String> extraOptions;

    MariaDbLauncher(Lifecycle lifecycle, Path workDir, Path socketDir, List<String> extraOptions) {
        this.lifecycle = lifecycle;
        this.workDir = workDir;
        this.socketDir = socketDir;
        this.extraOptions = List.copyOf(extraOptions);
    }

    MariaDb start(Side side, boolean binlog) {
        Path mariadbd = Binaries.mariadbd();
        Path client = Binaries.mariadbClient();
        Path template = MariaDbTemplate.ensure(workDir.getParent());
        Path dir = Dirs.create(side.dir(workDir).resolve("mariadb"));
        Path dataDir = dir.resolve("data");
        Dirs.copyTree(template, dataDir);
        Path socket = socketDir.resolve(side.label() + "-mariadb.sock");
        String password = Secrets.password(24);
        int port = Ports.withRetries("mariadb " + side.label(),
                () -> Ports.free(List.of(side.host()), false),
                candidate -> startOn(mariadbd, side, dir, dataDir, socket, binlog, candidate));
        createUser(client, socket, password);
        LOG.info("mariadb {} listens on {}:{}{}", side.label(), side.host(), port, binlog ? " with binlog" : "");
        return new MariaDb(side.label(), side.host(), port, USER, password, socket, dataDir, binlog);
    }

    private int startOn(Path mariadbd, Side side, Path dir, Path dataDir, Path socket, boolean binlog, int port) {
        List<String> command = new ArrayList<>(List.of(mariadbd.toString(), "--no-defaults",
                "--datadir=" + dataDir, "--socket=" + socket, "--port=" + port, "--bind-address=" + side.host(),
                "--pid-file=" + dir.resolve("mariadb.pid"), "--server-id=" + side.serverId(),
                "--skip-name-resolve", "--innodb-buffer-pool-size=64M", MariaDbTemplate.REDO_LOG_SIZE,
                "--innodb-flush-log-at-trx-commit=2", "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci"));
        if (binlog) {
            Path binlogDir = Dirs.create(dir.resolve("binlog"));
            command.addAll(List.of("--log-bin=" + binlogDir.resolve("mariadb-bin"), "--binlog-format=ROW",
                    "--binlog-row-image=FULL"));
        }
        command.addAll(extraOptions);
        if (RunningAs.root()) {
            command.add("--user=root");
        }
        ManagedProcess process = lifecycle.start("mariadb " + side.label(), command, dir.resolve("mariadb.log"));
        try {
            Waits.until(process, "accept connections", Waits.START_TIMEOUT,
                    () -> Files.exists(socket) && Ports.accepts(side.host(), port));
        } catch (TestkitException e) {
            lifecycle.stop(process);
            throw e;
        }
        return port;
    }

    private static void createUser(Path client, Path socket, String password) {
        StringBuilder sql = new StringBuilder();
        for (String host : List.of("%", "localhost")) {
            String account = "'" + USER + "'@'" + host + "'";
            sql.append("CREATE USER ").append(account).append(" IDENTIFIED BY '").append(password).append("';\n")
                    .append("GRANT ALL PRIVILEGES ON *.* TO ").append(account).append(" WITH GRANT OPTION;\n");
        }
        List<String> command = List.of(client.toString(), "--no-defaults", "--protocol=socket",
                "--socket=" + socket, "--user=root", "--batch");
        Commands.Result result = Commands.execute(command, sql.toString(), Duration.ofSeconds(30));
        if (!result.ok()) {
            throw new TestkitException("cannot create the MariaDB user " + USER + " over " + socket + ":\n"
                    + result.output().strip());
        }
    }
}
