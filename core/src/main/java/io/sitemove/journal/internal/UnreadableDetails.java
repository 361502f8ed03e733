package io.sitemove.journal.internal;

import io.sitemove.spi.SyncDetails;

/**
 * Details journaled by a syncer whose record cannot be read back here (its class is gone or changed):
 * kept as the JSON it was, so nothing is lost and the journal stays readable.
 *
 * @param type the class the details were written as
 * @param json the details as they were journaled
 */
public record UnreadableDetails(String type, String json) implements SyncDetails {
    @Override
    public String summary() {
        return type + " " + json;
    }
}
