package io.sitemove.spi;

/** Takes a backup at the start of the cutover, so nothing is lost whatever happens next. */
public interface Backup {
    /**
     * Takes the backup and says where it is.
     *
     * @return a description of the backup's location ("s3://bucket/shop-2026-11-21.tar"), never secrets
     */
    String backup(BackupContext ctx);
}
