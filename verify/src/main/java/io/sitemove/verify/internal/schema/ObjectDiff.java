package io.sitemove.verify.internal.schema;

import io.sitemove.spi.Finding;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Compares a view, trigger, routine or event on the source with the target's, property by property.
 * A different definer is its own check (a warning by default: the syncer may rewrite definers to an
 * account the target has); an event the target holds disabled while the source runs it is what the
 * MySQL syncer does until the migration is over, and is reported as such before the watch window.
 */
final class ObjectDiff {
    static final String RESYNC = "sync the database again, so that its schema objects are recreated from the source";

    private final Checks checks;
    private final boolean beforeWatch;
    private final Consumer<Finding> out;

    /** @param beforeWatch whether the migration is not over yet (events still held disabled on the target) */
    ObjectDiff(Checks checks, boolean beforeWatch, Consumer<Finding> out) {
        this.checks = checks;
        this.beforeWatch = beforeWatch;
        this.out = out;
    }

    /** The check an object kind's differences are reported under: {@code view}, {@code trigger}, {@code routine}, {@code event}. */
    static String check(String kind) {
        return switch (kind) {
            case "procedure", "function" -> Checks.ROUTINE;
            default -> kind;
        };
    }

    void missing(SchemaObject s) {
        out.accept(checks.finding(check(s.kind()), s.subject(), "defined (source)", "no such " + s.kind(), RESYNC));
    }

    void extra(SchemaObject t) {
        out.accept(checks.finding(check(t.kind()), t.subject(), "no such " + t.kind() + " (source)", "defined",
                "drop it on the target, or sync the database again"));
    }

    void compare(SchemaObject s, SchemaObject t) {
        if (!s.readable() || !t.readable()) {
            String side = !s.readable() ? (!t.readable() ? "source and target" : "source") : "target";
            out.accept(checks.finding(Checks.UNREADABLE, s.subject(), "its definition readable", "hidden on the " + side,
                    "grant the migration user " + Privileges.forKind(s.kind()) + " on the " + side));
            return;
        }
        if (!Objects.equals(s.table(), t.table())) {
            out.accept(checks.finding(check(s.kind()), s.subject(), "on table " + s.table() + " (source)",
                    "on table " + t.table(), RESYNC));
        }
        s.properties().forEach((property, value) -> {
            String other = t.properties().get(property);
            if (property.equals("status")) {
                status(s, value, other);
            } else if (!Objects.equals(value, other)) {
                String[] shown = Excerpt.around(value, other);
                out.accept(checks.finding(check(s.kind()), s.subject(), property + " " + shown[0] + " (source)",
                        property + " " + shown[1], RESYNC));
            }
        });
        if (!Objects.equals(s.definer(), t.definer())) {
            out.accept(checks.finding(Checks.DEFINER, s.subject(), "definer " + s.definer() + " (source)",
                    "definer " + t.definer(), "if the target's definer is not meant, set it with ALTER on the target"));
        }
    }

    private void status(SchemaObject s, String source, String target) {
        if (Objects.equals(source, target)) {
            return;
        }
        if (beforeWatch && "ENABLED".equals(source) && target != null && target.endsWith("DISABLED")) {
            out.accept(checks.finding(Checks.EVENT_DISABLED, s.subject(), "ENABLED (source)", target,
                    "the migration enables it on the target once it is over"));
        } else {
            out.accept(checks.finding(Checks.EVENT_STATUS, s.subject(), source + " (source)", target,
                    "ALTER EVENT ... " + ("ENABLED".equals(source) ? "ENABLE" : "DISABLE") + " on the target"));
        }
    }
}
