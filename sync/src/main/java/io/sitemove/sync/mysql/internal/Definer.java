package io.sitemove.sync.mysql.internal;

import io.sitemove.remote.db.Sql;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the {@code DEFINER=} clause of a view, trigger, routine or event to an account that
 * exists on the receiving server: a given {@code user@host}, or {@code CURRENT_USER} (the account
 * the syncer logs in as) by default.
 */
public final class Definer {
    private static final String PART = "(?:`(?:[^`]|``)*`|'(?:[^'\\\\]|''|\\\\.)*'|\"(?:[^\"]|\"\")*\"|[^\\s@`'\"]+)";
    private static final Pattern CLAUSE = Pattern.compile("DEFINER\\s*=\\s*(?:CURRENT_USER(?:\\s*\\(\\s*\\))?|"
            + PART + "(?:\\s*@\\s*" + PART + ")?)", Pattern.CASE_INSENSITIVE);

    private final String clause;

    private Definer(String clause) {
        this.clause = clause;
    }

    /** The syncer's own account on the receiving server. */
    public static Definer currentUser() {
        return new Definer("DEFINER=CURRENT_USER");
    }

    /** A named account, {@code user@host} ({@code %} for any host). */
    public static Definer of(String account) {
        Objects.requireNonNull(account, "definer cannot be null");
        int at = account.lastIndexOf('@');
        if (at <= 0 || at == account.length() - 1) {
            throw new IllegalArgumentException("definer '" + account + "' must be user@host, e.g. wp@localhost");
        }
        String user = account.substring(0, at);
        String host = account.substring(at + 1);
        if (user.indexOf('\0') >= 0 || host.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("definer cannot contain a NUL byte");
        }
        return new Definer("DEFINER=" + Sql.quote(user) + "@" + Sql.quote(host));
    }

    /** The statement with its first DEFINER clause replaced; unchanged when it has none. */
    public String rewrite(String createStatement) {
        Matcher m = CLAUSE.matcher(createStatement);
        return m.find() ? createStatement.substring(0, m.start()) + clause + createStatement.substring(m.end())
                : createStatement;
    }

    /** The clause written, e.g. {@code DEFINER=`wp`@`localhost`}. */
    @Override
    public String toString() {
        return clause;
    }
}
