package io.sitemove.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds the programs the testkit runs, by absolute path, or says which Debian package to install. */
final class Binaries {

    private static final List<String> SYSTEM_DIRS =
            List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin");

    private Binaries() {
    }

    static Path sshd() {
        return require("sshd", "openssh-server");
    }

    static Path sshKeygen() {
        return require("ssh-keygen", "openssh-client");
    }

    static Path mariadbd() {
        return require("mariadbd", "mariadb-server");
    }

    static Path mariadbInstallDb() {
        return require("mariadb-install-db", "mariadb-server");
    }

    static Path mariadbClient() {
        return require("mariadb", "mariadb-client");
    }

    static Path named() {
        return require("named", "bind9");
    }

    static Path dig() {
        return require("dig", "bind9-dnsutils");
    }

    static Path nginx() {
        return require("nginx", "nginx");
    }

    static Path phpFpm() {
        Path preferred = Path.of("/usr/sbin/php-fpm8.2");
        if (Files.isExecutable(preferred)) {
            return preferred;
        }
        return searchDirs().stream()
                .flatMap(dir -> phpFpmIn(dir).stream())
                .max(Comparator.comparing(path -> path.getFileName().toString()))
                .orElseThrow(() -> new MissingBinaryException("php-fpm", "php-fpm"));
    }

    static Path require(String name, String debianPackage) {
        return find(name).orElseThrow(() -> new MissingBinaryException(name, debianPackage));
    }

    static Optional<Path> find(String name) {
        return searchDirs().stream()
                .map(dir -> dir.resolve(name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static List<Path> phpFpmIn(Path dir) {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "php-fpm*")) {
            stream.forEach(path -> {
                if (Files.isExecutable(path)) {
                    found.add(path);
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        return found;
    }

    private static List<Path> searchDirs() {
        List<Path> dirs = new ArrayList<>();
        SYSTEM_DIRS.forEach(dir -> dirs.add(Path.of(dir)));
        String pathVariable = System.getenv("PATH");
        if (pathVariable != null) {
            for (String entry : pathVariable.split(File.pathSeparator)) {
                if (!entry.isBlank() && Path.of(entry).isAbsolute()) {
                    dirs.add(Path.of(entry));
                }
            }
        }
        return dirs.stream().filter(Files::isDirectory).distinct().toList();
    }
}
