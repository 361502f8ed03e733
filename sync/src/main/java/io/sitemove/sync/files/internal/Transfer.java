package io.sitemove.sync.files.internal;

import java.util.List;

/**
 * What moving the entries did.
 *
 * @param staging the staging directory the relay filled, or null (the direct route writes in place)
 * @param placed the entries to rename into place from the staging directory (all sent, for the direct route)
 * @param bytes what {@link io.sitemove.spi.SyncResult#moved()} counts: the archive relayed, or the sizes of the
 *     files rsync sent
 * @param wire the bytes that crossed the network for them: the archive, or what rsync's delta algorithm sent
 * @param resumed files an interrupted sync had brought whole, not sent again
 * @param vanished entries that vanished from the sender between its listing and the transfer
 */
record Transfer(String staging, List<FileEntry> placed, long bytes, long wire, long resumed, long vanished) {
    /** Nothing to send. */
    static Transfer none() {
        return new Transfer(null, List.of(), 0, 0, 0, 0);
    }
}
