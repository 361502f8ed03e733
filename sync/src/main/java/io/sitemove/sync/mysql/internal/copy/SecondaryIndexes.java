package io.sitemove.sync.mysql.internal.copy;

import io.sitemove.remote.db.Sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain and unique secondary indexes of an InnoDB table that a bulk load can do without and
 * build afterwards (one sorted build each instead of an insert per row): none when the table has
 * or is the target of a foreign key, and never one that starts with the AUTO_INCREMENT column
 * (InnoDB needs it). Read from {@code SHOW CREATE TABLE}, so they come back as they were.
 */
public final class SecondaryIndexes {
    private static final Pattern INDEX = Pattern.compile("^\\s+((?:UNIQUE )?KEY (`(?:[^`]|``)+`) \\((.*))$");
    private static final Pattern AUTO_INCREMENT = Pattern.compile("^\\s+(`(?:[^`]|``)+`) .*\\bAUTO_INCREMENT\\b.*$");
    private static final SecondaryIndexes NONE = new SecondaryIndexes(List.of(), List.of());

    private final List<String> names;
    private final List<String> definitions;

    private SecondaryIndexes(List<String> names, List<String> definitions) {
        this.names = List.copyOf(names);
        this.definitions = List.copyOf(definitions);
    }

    /** No deferred index. */
    public static SecondaryIndexes none() {
        return NONE;
    }

    /** The deferrable indexes of a table; {@code referenced} says another table's foreign key points at it. */
    public static SecondaryIndexes of(String createTable, boolean referenced) {
        if (referenced || createTable.contains(" FOREIGN KEY ") || !createTable.contains("ENGINE=InnoDB")) {
            return NONE;
        }
        String[] lines = createTable.split("\n");
        String autoIncrement = null;
        for (String line : lines) {
            Matcher m = AUTO_INCREMENT.matcher(line);
            if (m.matches() && !line.trim().startsWith(")")) {
                autoIncrement = m.group(1);
            }
        }
        List<String> names = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        for (String line : lines) {
            String trimmed = line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
            Matcher m = INDEX.matcher(trimmed);
            if (!m.matches() || autoIncrement != null && m.group(3).startsWith(autoIncrement)) {
                continue;
            }
            names.add(m.group(2));
            definitions.add(m.group(1));
        }
        return new SecondaryIndexes(names, definitions);
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    /** How many indexes are deferred. */
    public int size() {
        return names.size();
    }

    /** {@code ALTER TABLE ... DROP INDEX ...} for all of them, run on the empty table. */
    public String dropStatement(String table) {
        List<String> drops = names.stream().map(n -> "DROP INDEX " + n).toList();
        return "ALTER TABLE " + Sql.quote(table) + " " + String.join(", ", drops);
    }

    /** {@code ALTER TABLE ... ADD ...} for all of them, in their original order, run after the load. */
    public String addStatement(String table) {
        List<String> adds = definitions.stream().map(d -> "ADD " + d).toList();
        return "ALTER TABLE " + Sql.quote(table) + " " + String.join(", ", adds);
    }
}
