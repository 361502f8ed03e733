package io.sitemove.sync.files;

import java.nio.file.Path;

/** The file syncer most ITs build: one relaying a directory between the two testkit servers' site roots. */
final class Syncers {
    private Syncers() {
    }

    /** Relays the directory {@code dir} under the old server's root into the one of that name under the new one's. */
    static FileSyncer relay(Path oldRoot, Path newRoot, String dir) {
        return FileSyncer.builder().strategy(Strategy.RELAY).sourceRoot(oldRoot.resolve(dir).toString())
                .targetRoot(newRoot.resolve(dir).toString()).build();
    }
}
