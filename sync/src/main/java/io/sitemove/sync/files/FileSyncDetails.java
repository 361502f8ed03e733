package io.sitemove.sync.files;

import io.sitemove.spi.Direction;
import io.sitemove.spi.SyncDetails;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link FileSyncer} sync did, beyond its counts.
 *
 * <pre>{@code
 * result.details(FileSyncDetails.class).ifPresent(d -> panel.show(d.route(), d.sent(), d.wireBytes()));
 * }</pre>
 *
 * @param route how the contents travelled
 * @param direction which way the sync copied
 * @param senderEntries the entries the sending side listed, exclusions left out
 * @param receiverEntries the entries the receiving side listed before the sync, exclusions left out
 * @param sent the entries sent (new or changed)
 * @param skipped the sender's entries neither files, directories nor links (sockets, fifos, devices), left out
 * @param resumed files an interrupted sync had brought whole, kept rather than sent again
 * @param wireBytes the bytes that crossed the network for the contents: the archive relayed, or what rsync's
 *     delta algorithm sent
 * @param vanishedDuringTransfer entries that vanished from the sending side between its listing and the
 *     transfer; the next sync settles them
 * @param contentVerified whether contents were compared by hash ({@link FileSyncer.Builder#verifyContent(boolean)})
 * @param contentChecked files hashed on both sides (0 unless {@code contentVerified})
 * @param contentDiffering of those, the files whose hashes differed
 * @param resentInFlight files whose size or mtime moved on the sending side while they were sent, sent
 *     again within the same sync
 * @param changedInFlight files (their paths) still moving on the sending side after the sync's last
 *     round, so what arrived may be a partial snapshot; the next sync settles them
 */
public record FileSyncDetails(Route route, Direction direction, long senderEntries, long receiverEntries, long sent,
        long skipped, long resumed, long wireBytes, long vanishedDuringTransfer, boolean contentVerified,
        long contentChecked, long contentDiffering, long resentInFlight, List<String> changedInFlight)
        implements SyncDetails {
    public FileSyncDetails {
        Objects.requireNonNull(route, "route cannot be null");
        Objects.requireNonNull(direction, "direction cannot be null");
        changedInFlight = changedInFlight == null ? List.of() : List.copyOf(changedInFlight);
    }

    /** Details of a sync in which no file moved while it was sent. */
    public FileSyncDetails(Route route, Direction direction, long senderEntries, long receiverEntries, long sent,
            long skipped, long resumed, long wireBytes, long vanishedDuringTransfer, boolean contentVerified,
            long contentChecked, long contentDiffering) {
        this(route, direction, senderEntries, receiverEntries, sent, skipped, resumed, wireBytes,
                vanishedDuringTransfer, contentVerified, contentChecked, contentDiffering, 0, List.of());
    }

    /** The same details with what moved while it was sent. */
    public FileSyncDetails inFlight(long resent, List<String> changed) {
        return new FileSyncDetails(route, direction, senderEntries, receiverEntries, sent, skipped, resumed, wireBytes,
                vanishedDuringTransfer, contentVerified, contentChecked, contentDiffering, resent, changed);
    }

    @Override
    public String summary() {
        String line = route.name().toLowerCase(java.util.Locale.ROOT) + " " + direction + ": " + sent + " of "
                + senderEntries + " entries sent, " + wireBytes + " bytes over the network";
        if (resumed > 0) {
            line += ", " + resumed + " kept from an interrupted sync";
        }
        if (vanishedDuringTransfer > 0) {
            line += ", " + vanishedDuringTransfer + " vanished meanwhile";
        }
        if (resentInFlight > 0) {
            line += ", " + resentInFlight + " sent again after changing in flight";
        }
        if (!changedInFlight.isEmpty()) {
            line += ", " + changedInFlight.size() + " still changing (the next sync settles them)";
        }
        if (contentVerified) {
            line += "; content compared for " + contentChecked + " files, " + contentDiffering + " differed";
        }
        return line;
    }
}
