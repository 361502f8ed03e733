package io.sitemove.wordpress.internal;

import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the integrity checks read from one server's database, in one connection: which core tables exist,
 * the orphaned rows of each reference, the options asked for, and the attachments' files.
 *
 * @param endpoint where it was read
 * @param tables the names it was read with
 * @param present the core tables that exist, without prefix
 * @param orphans the orphaned rows of each reference whose tables exist
 * @param options the options asked for that exist, by name
 * @param attachments every attachment with a {@code _wp_attached_file}, in ID order
 */
public record DatabaseSnapshot(DbEndpoint endpoint, WpTables tables, Set<String> present,
        Map<Relation, Orphans> orphans, Map<String, String> options, List<AttachedFile> attachments) {

    /**
     * Reads the snapshot.
     *
     * @param scanLimit at most this many orphans listed per reference
     * @param optionNames the options to read
     */
    public static DatabaseSnapshot read(DbEndpoint db, WpTables tables, int scanLimit, List<String> optionNames) {
        try (Connection c = Sql.open(db, true)) {
            Set<String> present = presentTables(c, db.database(), tables);
            Map<Relation, Orphans> orphans = new LinkedHashMap<>();
            for (Relation relation : Relation.CORE) {
                if (present.containsAll(relation.tables())) {
                    orphans.put(relation, orphans(c, tables, relation, scanLimit));
                }
            }
            Map<String, String> options = present.contains("options") ? options(c, tables, optionNames) : Map.of();
            List<AttachedFile> attachments = present.containsAll(List.of("posts", "postmeta"))
                    ? attachments(c, tables) : List.of();
            return new DatabaseSnapshot(db, tables, present, orphans, options, attachments);
        } catch (SQLException e) {
            throw Sql.failure("read the WordPress tables " + tables.prefix() + "*", db, null, e);
        }
    }

    private static Set<String> presentTables(Connection c, String database, WpTables tables) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?")) {
            s.setString(1, database);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        Set<String> present = new HashSet<>();
        for (String table : WpTables.CORE) {
            if (names.contains(tables.name(table))) {
                present.add(table);
            }
        }
        return present;
    }

    private static Orphans orphans(Connection c, WpTables tables, Relation relation, int scanLimit)
            throws SQLException {
        String from = relation.orphansFrom(tables);
        long count = Long.parseLong(Sql.single(c, "SELECT COUNT(*)" + from));
        List<Orphan> first = new ArrayList<>();
        if (count == 0) {
            return new Orphans(0, first);
        }
        StringBuilder columns = new StringBuilder();
        for (String key : relation.keys()) {
            columns.append("c.").append(Sql.quote(key)).append(", ");
        }
        String order = columns.substring(0, columns.length() - 2);
        String sql = "SELECT " + columns + "c." + Sql.quote(relation.column()) + from + " ORDER BY " + order
                + " LIMIT " + scanLimit;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = relation.keys().size();
            while (rs.next()) {
                List<String> keys = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    keys.add(rs.getString(i));
                }
                first.add(new Orphan(relation, keys, rs.getString(n + 1)));
            }
        }
        return new Orphans(count, first);
    }

    private static Map<String, String> options(Connection c, WpTables tables, List<String> names) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        String sql = "SELECT `option_value` FROM " + tables.quoted("options") + " WHERE `option_name` = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (String name : names) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        values.put(name, rs.getString(1));
                    }
                }
            }
        }
        return values;
    }

    private static List<AttachedFile> attachments(Connection c, WpTables tables) throws SQLException {
        String sql = "SELECT p.`ID`, m.`meta_value` FROM " + tables.quoted("posts") + " p JOIN "
                + tables.quoted("postmeta") + " m ON m.`post_id` = p.`ID` WHERE p.`post_type` = 'attachment'"
                + " AND m.`meta_key` = '_wp_attached_file' ORDER BY p.`ID`, m.`meta_id`";
        List<AttachedFile> files = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                files.add(new AttachedFile(rs.getLong(1), rs.getString(2) == null ? "" : rs.getString(2)));
            }
        }
        return files;
    }
}
