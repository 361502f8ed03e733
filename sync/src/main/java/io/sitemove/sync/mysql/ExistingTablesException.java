package io.sitemove.sync.mysql;

import io.sitemove.MigrationException;
import java.util.List;

/**
 * A FULL copy was refused before anything was written, because the target database already holds
 * tables the copy would drop and recreate (a row only the target has would be lost). Permanent;
 * {@link #tables()} names them, and the syncer's {@link MySqlSyncer.Builder#replaceExisting(boolean)}
 * or {@link MySqlSyncer.Builder#replaceExisting(String...)} allows their replacement once a person has
 * checked.
 */
public final class ExistingTablesException extends MigrationException {
    private static final long serialVersionUID = 1L;

    private final String target;
    private final List<String> tables;

    /**
     * A refusal naming the syncer, the target ({@code where}) and the tables it would replace.
     *
     * @param syncer the syncer's name in the plan
     * @param target where the target database is ({@code shop@10.0.0.9:3306})
     * @param tables the target's tables the copy would replace, sorted
     */
    public ExistingTablesException(String syncer, String target, List<String> tables) {
        super(message(syncer, target, tables), null, false);
        this.target = target;
        this.tables = List.copyOf(tables);
    }

    /** Where the target database is. */
    public String target() {
        return target;
    }

    /** The tables the target already holds that the copy would have dropped and recreated, sorted. */
    public List<String> tables() {
        return tables;
    }

    static String message(String syncer, String target, List<String> tables) {
        return "refused the FULL copy (" + syncer + ") into " + target + ": the target already holds "
                + tables.size() + (tables.size() == 1 ? " table" : " tables") + " that the copy would drop and"
                + " recreate (" + ExistingTablesException.names(tables) + "); nothing was changed; check the plan,"
                + " or say replaceExisting(true) (or name the tables: replaceExisting(\"t1\", \"t2\")) on the"
                + " MySQL syncer if they may be replaced";
    }

    static String names(List<String> tables) {
        int shown = Math.min(tables.size(), 20);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            s.append(i == 0 ? "" : ", ").append('`').append(tables.get(i).replace("`", "``")).append('`');
        }
        return tables.size() > shown ? s + " and " + (tables.size() - shown) + " more" : s.toString();
    }
}
