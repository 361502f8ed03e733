package io.sitemove.internal;

import io.sitemove.event.MigrationListener;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers events to every listener; a listener that throws is logged and ignored. */
final class Listeners {
    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    private final List<MigrationListener> listeners;

    Listeners(List<MigrationListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    void fire(Consumer<MigrationListener> event) {
        for (MigrationListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                log.warn("listener {} threw; ignored: {}", l.getClass().getName(), e.toString(), e);
            }
        }
    }
}
