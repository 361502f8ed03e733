package io.sitemove.sync.files;

/**
 * How a {@link FileSyncer} moves file contents from the sending server to the receiving one. In every
 * strategy the two trees are listed first and compared, so the same entries are sent, deleted and
 * corrected, the same exclusions apply and the same deletion guard stands; only the carrier of the
 * bytes differs.
 *
 * <pre>{@code
 * FileSyncer files = FileSyncer.builder()
 *     .sourceRoot("/var/www/shop").targetRoot("/srv/www/shop")
 *     .strategy(Strategy.AUTO)
 *     .build();
 * }</pre>
 */
public enum Strategy {
    /**
     * {@code rsync} runs on the sending server and pushes straight to the receiving one over SSH, with a
     * throwaway key made for the run: the receiving side accepts it only for {@code rrsync} into the one
     * directory, its host key is pinned from the panel's own verified connection, and the key is removed
     * when the run ends, however it ends. Needs {@code rsync} and {@code ssh} on the sender, {@code rsync}
     * and {@code rrsync} on the receiver, and the sender able to reach the receiver's SSH port.
     */
    DIRECT,
    /**
     * A {@code tar} stream from the sending server piped through this process into {@code tar -x} on the
     * receiving one: every byte crosses both SSH connections. Works whenever both servers are reachable
     * from here.
     */
    RELAY,
    /**
     * {@link #DIRECT} when the sender can reach the receiver's SSH port and has the tools for it, else
     * {@link #RELAY}; a transfer smaller than {@link FileSyncer.Builder#relayBelow(long)} (64 MiB by default)
     * is relayed too, since the direct route's setup would take longer than the bytes. Decided at each sync,
     * and said in the result's details ({@link FileSyncDetails#route()}).
     */
    AUTO
}
