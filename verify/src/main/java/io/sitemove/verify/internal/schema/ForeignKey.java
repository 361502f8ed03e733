package io.sitemove.verify.internal.schema;

import java.util.List;

/**
 * One foreign key of a table.
 *
 * @param name the constraint's name
 * @param columns the referencing columns, in order
 * @param referencedTable the table referenced, prefixed with its database when that is another one
 * @param referencedColumns the columns referenced, in order
 * @param onUpdate the rule on update ({@code RESTRICT}, {@code CASCADE}, ...)
 * @param onDelete the rule on delete
 */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
        String onUpdate, String onDelete) {
    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    /** How a finding shows it: {@code (post_id) references posts (ID) on update RESTRICT on delete CASCADE}. */
    String describe() {
        return "(" + String.join(", ", columns) + ") references " + referencedTable + " ("
                + String.join(", ", referencedColumns) + ") on update " + onUpdate + " on delete " + onDelete;
    }
}
