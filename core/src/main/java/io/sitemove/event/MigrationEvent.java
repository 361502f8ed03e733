package io.sitemove.event;

import io.sitemove.Phase;
import java.time.Instant;

/** What every event says: the site, the phase and when. */
public interface MigrationEvent {
    /** The site (plan name). */
    String site();

    /** The phase the event belongs to. */
    Phase phase();

    /** When it happened. */
    Instant at();
}
