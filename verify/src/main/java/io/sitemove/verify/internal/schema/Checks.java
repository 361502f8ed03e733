package io.sitemove.verify.internal.schema;

import io.sitemove.spi.Finding;
import io.sitemove.spi.Finding.Severity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The schema verifier's checks by name, each with its severity: the default, or the one a rule gave.
 * Immutable.
 */
public final class Checks {
    /** A table missing on one side, or of another kind or engine. */
    public static final String TABLE = "table";
    /** A column missing on one side, or the columns in another order. */
    public static final String COLUMN = "column";
    /** A column's type. */
    public static final String COLUMN_TYPE = "column-type";
    /** A column's nullability. */
    public static final String COLUMN_NULL = "column-null";
    /** A column's default. */
    public static final String COLUMN_DEFAULT = "column-default";
    /** A column's extra: auto_increment, on update, generation. */
    public static final String COLUMN_EXTRA = "column-extra";
    /** A table's default collation, or a column's charset and collation. */
    public static final String COLLATION = "collation";
    /** An index missing on one side, or defined otherwise. */
    public static final String INDEX = "index";
    /** A foreign key missing on one side, or defined otherwise. */
    public static final String FOREIGN_KEY = "foreign-key";
    /** A view missing on one side, or defined otherwise. */
    public static final String VIEW = "view";
    /** A trigger missing on one side, or defined otherwise. */
    public static final String TRIGGER = "trigger";
    /** A procedure or function missing on one side, or defined otherwise. */
    public static final String ROUTINE = "routine";
    /** An event missing on one side, or defined otherwise. */
    public static final String EVENT = "event";
    /** An event enabled on one side and not on the other. */
    public static final String EVENT_STATUS = "event-status";
    /** An event the MySQL syncer holds disabled on the target until the migration is over. */
    public static final String EVENT_DISABLED = "event-disabled";
    /** A view, trigger, routine or event with another definer. */
    public static final String DEFINER = "definer";
    /** A definition the server hides from the migration user. */
    public static final String UNREADABLE = "unreadable";

    /** The migration user lacks a privilege without which information_schema hides part of the schema. */
    public static final String PRIVILEGE = "privilege";

    private static final Map<String, Severity> DEFAULTS = defaultSeverities();

    private final Map<String, Severity> severities;

    private Checks(Map<String, Severity> severities) {
        this.severities = Collections.unmodifiableMap(new LinkedHashMap<>(severities));
    }

    private static Map<String, Severity> defaultSeverities() {
        Map<String, Severity> d = new LinkedHashMap<>();
        for (String blocking : new String[] {TABLE, COLUMN, COLUMN_TYPE, COLUMN_NULL, COLUMN_DEFAULT, COLUMN_EXTRA,
                COLLATION, INDEX, FOREIGN_KEY, VIEW, TRIGGER, ROUTINE, EVENT, UNREADABLE}) {
            d.put(blocking, Severity.BLOCKING);
        }
        d.put(EVENT_STATUS, Severity.WARNING);
        d.put(DEFINER, Severity.WARNING);
        d.put(PRIVILEGE, Severity.WARNING);
        d.put(EVENT_DISABLED, Severity.INFO);
        return Collections.unmodifiableMap(d);
    }

    /** Every check at its default severity. */
    public static Checks defaults() {
        return new Checks(DEFAULTS);
    }

    /** The names of all checks, in the order above. */
    public static Set<String> names() {
        return DEFAULTS.keySet();
    }

    /**
     * These checks with {@code check} at {@code severity}.
     *
     * @throws IllegalArgumentException when there is no such check
     */
    public Checks with(String check, Severity severity) {
        Objects.requireNonNull(check, "check cannot be null");
        Objects.requireNonNull(severity, "severity cannot be null");
        if (!DEFAULTS.containsKey(check)) {
            throw new IllegalArgumentException("the schema verifier has no check '" + check + "'; its checks are "
                    + String.join(", ", DEFAULTS.keySet()));
        }
        Map<String, Severity> copy = new LinkedHashMap<>(severities);
        copy.put(check, severity);
        return new Checks(copy);
    }

    /** A finding of the check, at the check's severity. */
    public Finding finding(String check, String subject, String expected, String actual, String remedy) {
        Severity severity = Objects.requireNonNull(severities.get(check), check);
        return new Finding(check, subject, expected, actual, severity, remedy, false);
    }

    /** The severities that differ from the defaults, for a description. */
    public Map<String, Severity> changed() {
        Map<String, Severity> out = new LinkedHashMap<>();
        severities.forEach((check, s) -> {
            if (DEFAULTS.get(check) != s) {
                out.put(check, s);
            }
        });
        return out;
    }
}
