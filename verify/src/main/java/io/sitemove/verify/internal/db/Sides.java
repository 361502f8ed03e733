package io.sitemove.verify.internal.db;

import io.sitemove.remote.Parallel;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.remote.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One connection to each server, each query run on both at once; sessions in UTC, so that TIMESTAMP
 * values read the same on both. Not thread-safe: one per worker.
 */
final class Sides implements AutoCloseable {
    /** A query on one server's copy of the database. */
    @FunctionalInterface
    interface Query<T> {
        T run(Connection c, String database) throws SQLException;
    }

    private final DbEndpoint source;
    private final DbEndpoint target;
    private final Connection onSource;
    private final Connection onTarget;

    private Sides(DbEndpoint source, DbEndpoint target, Connection onSource, Connection onTarget) {
        this.source = source;
        this.target = target;
        this.onSource = onSource;
        this.onTarget = onTarget;
    }

    /** Opens both connections. */
    static Sides open(DbEndpoint source, DbEndpoint target) {
        Connection s = prepared(source);
        try {
            return new Sides(source, target, s, prepared(target));
        } catch (RuntimeException e) {
            close(s);
            throw e;
        }
    }

    private static Connection prepared(DbEndpoint db) {
        Connection c = Sql.open(db, false);
        try {
            Sql.execute(c, "SET SESSION time_zone = '+00:00'");
            return c;
        } catch (SQLException e) {
            close(c);
            throw Sql.failure("prepare the session for the database check", db, null, e);
        }
    }

    /** Runs the query on both servers at once; a failure names the server, the table and what was done. */
    <T> Parallel.Both<T> both(String what, String table, Query<T> query) {
        return Parallel.onBoth(what, () -> run(what, table, source, onSource, query),
                () -> run(what, table, target, onTarget, query));
    }

    /** Runs the query on the source only. */
    <T> T source(String what, String table, Query<T> query) {
        return run(what, table, source, onSource, query);
    }

    private static <T> T run(String what, String table, DbEndpoint db, Connection c, Query<T> query) {
        try {
            return query.run(c, db.database());
        } catch (SQLException e) {
            throw Sql.failure(what, db, table, e);
        }
    }

    @Override
    public void close() {
        close(onSource);
        close(onTarget);
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // nothing was written; a failed close loses nothing
        }
    }
}
