package io.sitemove.sync.mysql;

import java.util.List;

/**
 * The schema objects besides base tables that a FULL copy recreated on the receiving side, by name.
 *
 * @param functions stored functions
 * @param procedures stored procedures
 * @param views views
 * @param triggers triggers
 * @param events events
 * @param eventsDisabledOnTarget the events that arrived disabled (all of them: the site does not run on the
 *     target yet); {@link MySqlSyncer#cleanup} enables those the source has enabled
 */
public record SchemaObjectsCopied(List<String> functions, List<String> procedures, List<String> views,
        List<String> triggers, List<String> events, List<String> eventsDisabledOnTarget) {
    private static final SchemaObjectsCopied NONE = new SchemaObjectsCopied(List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of());

    public SchemaObjectsCopied {
        functions = List.copyOf(functions);
        procedures = List.copyOf(procedures);
        views = List.copyOf(views);
        triggers = List.copyOf(triggers);
        events = List.copyOf(events);
        eventsDisabledOnTarget = List.copyOf(eventsDisabledOnTarget);
    }

    /** Nothing copied: the sync left schema objects alone. */
    public static SchemaObjectsCopied none() {
        return NONE;
    }

    /** One line for a report. */
    public String summary() {
        return functions.size() + " functions, " + procedures.size() + " procedures, " + views.size() + " views, "
                + triggers.size() + " triggers, " + events.size() + " events" + (eventsDisabledOnTarget.isEmpty() ? ""
                : " (" + eventsDisabledOnTarget.size() + " disabled on the target until the cleanup)");
    }
}
