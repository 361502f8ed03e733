package io.sitemove.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the unix sockets go: {@code workDir/run} when its paths fit the 108-byte limit of
 * {@code sun_path}, else a private directory under {@code /tmp} that is deleted on close.
 */
final class SocketDir {

    private static final int MAX_SOCKET_PATH = 100;
    private static final String LONGEST_NAME = "/old-php-fpm.sock";

    private SocketDir() {
    }

    static Path create(Path workDir, Lifecycle lifecycle) {
        Path inWorkDir = workDir.resolve("run");
        if ((inWorkDir + LONGEST_NAME).getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH) {
            return Dirs.create(inWorkDir);
        }
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "sitemove-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            lifecycle.onClose(() -> Dirs.deleteTree(dir));
            return dir;
        } catch (IOException e) {
            throw new TestkitException("cannot create a socket directory under /tmp: " + e.getMessage(), e);
        }
    }
}
