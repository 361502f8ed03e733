package io.sitemove.sync.files.internal;

import io.sitemove.spi.SyncContext;
import io.sitemove.sync.files.Exclusions;
import java.util.List;

/**
 * What one sync knows once both trees are listed and compared, and what it goes on from.
 *
 * @param ctx the sync's context
 * @param sender the sending tree
 * @param receiver the receiving tree
 * @param sent the sending tree's entries
 * @param received the receiving tree's entries
 * @param facts what the receiving side told besides its tree
 * @param exclusions the paths left alone on both sides
 * @param ownership how owners are set on the receiving side
 * @param content what comparing contents by hash found
 * @param plan what to send, delete and correct
 */
public record Comparison(SyncContext ctx, RemoteTree sender, RemoteTree receiver, List<FileEntry> sent,
        List<FileEntry> received, ReceiverFacts facts, Exclusions exclusions, Ownership ownership, ContentCheck content,
        DeltaPlan plan) {
}
