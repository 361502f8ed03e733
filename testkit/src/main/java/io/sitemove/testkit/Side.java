package io.sitemove.testkit;

import java.nio.file.Path;

/** The two "servers" of a migration: each has its own loopback address and directory. */
enum Side {
    OLD("old", "127.0.0.2", 1),
    NEW("new", "127.0.0.3", 2);

    private final String label;
    private final String host;
    private final int serverId;

    Side(String label, String host, int serverId) {
        this.label = label;
        this.host = host;
        this.serverId = serverId;
    }

    String label() {
        return label;
    }

    String host() {
        return host;
    }

    int serverId() {
        return serverId;
    }

    Path dir(Path workDir) {
        return workDir.resolve(label);
    }

    Path siteRoot(Path workDir) {
        return dir(workDir).resolve("site");
    }
}
