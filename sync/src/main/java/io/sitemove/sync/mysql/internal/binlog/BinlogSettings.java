package io.sitemove.sync.mysql.internal.binlog;

import io.sitemove.sync.mysql.BinlogPosition;
import io.sitemove.remote.db.Sql;

import io.sitemove.remote.db.DbEndpoint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a server's binary log offers a row-based delta: whether it is on, in ROW format with full
 * row images, which files it still keeps and where it ends now. {@link #problems()} says, for each
 * setting that is wrong, exactly what to set.
 */
public final class BinlogSettings {
    private final DbEndpoint endpoint;
    private final boolean logBin;
    private final String format;
    private final String rowImage;
    private final long serverId;
    private final String retention;

    private BinlogSettings(DbEndpoint endpoint, boolean logBin, String format, String rowImage, long serverId,
            String retention) {
        this.endpoint = endpoint;
        this.logBin = logBin;
        this.format = format;
        this.rowImage = rowImage;
        this.serverId = serverId;
        this.retention = retention;
    }

    /** Reads the settings over an open connection. */
    public static BinlogSettings read(Connection c, DbEndpoint endpoint) throws SQLException {
        String logBin = Sql.single(c, "SELECT @@GLOBAL.log_bin");
        String format = Sql.single(c, "SELECT @@GLOBAL.binlog_format");
        String rowImage = Sql.single(c, "SELECT @@GLOBAL.binlog_row_image");
        String serverId = Sql.single(c, "SELECT @@GLOBAL.server_id");
        return new BinlogSettings(endpoint, "1".equals(logBin) || "ON".equalsIgnoreCase(logBin),
                format == null ? "" : format.toUpperCase(Locale.ROOT),
                rowImage == null ? "" : rowImage.toUpperCase(Locale.ROOT),
                serverId == null ? 0 : Long.parseLong(serverId), retention(c));
    }

    private static String retention(Connection c) {
        for (String variable : List.of("binlog_expire_logs_seconds", "expire_logs_days")) {
            try {
                String value = Sql.single(c, "SELECT @@GLOBAL." + variable);
                if (value != null && !value.isBlank() && !value.startsWith("0")) {
                    return variable + "=" + value;
                }
            } catch (SQLException e) {
                continue;
            }
        }
        return "binlogs are never expired automatically";
    }

    /** Why a row-based delta cannot read this server's binlog, each with what to set; empty when it can. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!logBin) {
            problems.add("log_bin is OFF on " + endpoint.where() + ": start the server with log_bin (log-bin=mysql-bin)"
                    + " and server_id set, or use the checksum delta method");
            return problems;
        }
        if (!format.equals("ROW")) {
            problems.add("binlog_format is " + format + " on " + endpoint.where()
                    + ": set binlog_format=ROW (SET GLOBAL binlog_format='ROW' and in the server's configuration)");
        }
        if (!rowImage.equals("FULL")) {
            problems.add("binlog_row_image is " + rowImage + " on " + endpoint.where()
                    + ": set binlog_row_image=FULL (SET GLOBAL binlog_row_image='FULL' and in the server's configuration)");
        }
        return problems;
    }

    public boolean usable() {
        return problems().isEmpty();
    }

    public long serverId() {
        return serverId;
    }

    /** How long the server keeps its binlogs, as its setting. */
    public String retention() {
        return retention;
    }

    /** The binary log files the server still has, oldest first. */
    public static Set<String> files(Connection c) throws SQLException {
        Set<String> files = new LinkedHashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW BINARY LOGS")) {
            while (rs.next()) {
                files.add(rs.getString(1));
            }
        }
        return files;
    }

    /** Where the binary log ends now ({@code SHOW MASTER STATUS}, or {@code SHOW BINARY LOG STATUS} on MySQL 8.4+). */
    public static Optional<BinlogPosition> end(Connection c) throws SQLException {
        SQLException first;
        try {
            return end(c, "SHOW MASTER STATUS");
        } catch (SQLException e) {
            first = e;
        }
        try {
            return end(c, "SHOW BINARY LOG STATUS");
        } catch (SQLException e) {
            first.addSuppressed(e);
            throw first;
        }
    }

    private static Optional<BinlogPosition> end(Connection c, String statement) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(statement)) {
            if (!rs.next() || rs.getString(1) == null || rs.getString(1).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new BinlogPosition(rs.getString(1), rs.getLong(2)));
        }
    }
}
