package io.sitemove.verify.internal.schema;

/** Which privilege lets an account read the definition of each kind of schema object. */
final class Privileges {
    private Privileges() {
    }

    static String forKind(String kind) {
        return switch (kind) {
            case "view" -> "SHOW VIEW";
            case "trigger" -> "TRIGGER";
            case "event" -> "EVENT";
            case "procedure", "function" -> "SELECT on mysql.proc (MariaDB) or SHOW_ROUTINE (MySQL 8), or make it the definer";
            default -> "SELECT";
        };
    }
}
