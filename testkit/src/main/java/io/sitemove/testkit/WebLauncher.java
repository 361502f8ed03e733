package io.sitemove.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts php-fpm and nginx for both sides, both nginx on the same port number. */
final class WebLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(WebLauncher.class);

    private final Lifecycle lifecycle;
    private final Path workDir;
    private final Path socketDir;

    WebLauncher(Lifecycle lifecycle, Path workDir, Path socketDir) {
        this.lifecycle = lifecycle;
        this.workDir = workDir;
        this.socketDir = socketDir;
    }

    List<WebServer> start() {
        Path nginx = Binaries.nginx();
        Path phpFpm = Binaries.phpFpm();
        for (Side side : Side.values()) {
            startPhpFpm(phpFpm, side);
        }
        List<String> hosts = List.of(Side.OLD.host(), Side.NEW.host());
        TlsFiles tls = TlsFiles.create(workDir.resolve("tls"));
        int[] ports = Ports.withRetries("nginx", () -> Ports.free(hosts, false),
                candidate -> startNginx(nginx, candidate, Ports.free(hosts, false), tls));
        int port = ports[0];
        LOG.info("nginx listens on {}:{} and {}:{} (https on {})", Side.OLD.host(), port, Side.NEW.host(), port, ports[1]);
        return List.of(
                new WebServer(Side.OLD.label(), Side.OLD.host(), port, Side.OLD.siteRoot(workDir), ports[1], tls.caPem()),
                new WebServer(Side.NEW.label(), Side.NEW.host(), port, Side.NEW.siteRoot(workDir), ports[1], tls.caPem()));
    }

    private void startPhpFpm(Path phpFpm, Side side) {
        Path dir = webDir(side);
        Path socket = phpSocket(side);
        Path config = dir.resolve("php-fpm.conf");
        Dirs.write(config, PhpFpmConfig.render(dir, socket));
        List<String> command = new ArrayList<>(List.of(phpFpm.toString(), "--nodaemonize",
                "--fpm-config", config.toString(), "--prefix", dir.toString()));
        if (RunningAs.root()) {
            command.add("--allow-to-run-as-root");
        }
        ManagedProcess process = lifecycle.start("php-fpm " + side.label(), command, dir.resolve("php-fpm.out"));
        Waits.until(process, "open its socket", Waits.START_TIMEOUT, () -> Files.exists(socket));
    }

    private int[] startNginx(Path nginx, int port, int httpsPort, TlsFiles tls) {
        List<ManagedProcess> started = new ArrayList<>();
        try {
            for (Side side : Side.values()) {
                Path dir = webDir(side);
                Dirs.create(side.siteRoot(workDir));
                Path config = dir.resolve("nginx.conf");
                Dirs.write(config, NginxConfig.render(dir, side.host(), port, httpsPort, tls,
                        side.siteRoot(workDir), phpSocket(side)));
                ManagedProcess process = lifecycle.start("nginx " + side.label(), List.of(nginx.toString(),
                        "-e", dir.resolve("nginx-error.log").toString(), "-p", dir + "/", "-c", config.toString()),
                        dir.resolve("nginx.out"));
                started.add(process);
                Waits.until(process, "accept connections", Waits.START_TIMEOUT, () -> Ports.accepts(side.host(), port)
                        && Ports.accepts(side.host(), httpsPort));
            }
            return new int[] {port, httpsPort};
        } catch (TestkitException e) {
            started.forEach(lifecycle::stop);
            throw e;
        }
    }

    private Path webDir(Side side) {
        Path dir = Dirs.create(side.dir(workDir).resolve("web"));
        for (String temp : List.of("client", "proxy", "fastcgi", "uwsgi", "scgi")) {
            Dirs.create(dir.resolve("tmp").resolve(temp));
        }
        return dir;
    }

    private Path phpSocket(Side side) {
        return socketDir.resolve(side.label() + "-php-fpm.sock");
    }
}
