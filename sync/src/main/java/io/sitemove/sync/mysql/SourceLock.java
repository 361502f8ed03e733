package io.sitemove.sync.mysql;

import java.util.List;
import java.util.Objects;

/**
 * What a sync did to the site's own database account on the source: a FINAL sync revokes its write
 * privileges on the database and ends its sessions ({@link MySqlSyncer.Builder#applicationUser(String)}), a
 * REVERSE sync grants back what was revoked.
 *
 * @param action what was done
 * @param account the account, as SQL writes it ({@code 'wp'@'%'}); empty when none was given
 * @param database the database the privileges are on
 * @param privileges the privileges revoked or granted, in the order INSERT, UPDATE, DELETE, CREATE, DROP, ALTER;
 *     empty when the account held none of them
 * @param sessionsEnded the account's sessions ended after the revocation (their privileges would outlive it)
 * @param note why nothing was locked, or what a grant could not know; empty when there is nothing to add
 */
public record SourceLock(Action action, String account, String database, List<String> privileges, int sessionsEnded,
        String note) {
    /** What was done to the account. */
    public enum Action {
        /** Write privileges revoked before the final delta: the site cannot write to the source any more. */
        REVOKED,
        /** Write privileges granted back, for a rollback. */
        GRANTED,
        /** Nothing was locked: the source database still accepts the site's writes. */
        NOT_LOCKED
    }

    public SourceLock {
        Objects.requireNonNull(action, "action cannot be null");
        Objects.requireNonNull(account, "account cannot be null");
        Objects.requireNonNull(database, "database cannot be null");
        privileges = List.copyOf(privileges);
        Objects.requireNonNull(note, "note cannot be null");
    }

    /** One line for a report. */
    public String summary() {
        String on = " ON `" + database.replace("`", "``") + "`.* ";
        String line = switch (action) {
            case REVOKED -> "revoked " + (privileges.isEmpty() ? "nothing (held no write privilege)"
                    : String.join(",", privileges)) + on + "FROM " + account + "; ended " + sessionsEnded
                    + " of its sessions";
            case GRANTED -> privileges.isEmpty() ? "granted nothing to " + account
                    : "granted " + String.join(",", privileges) + on + "TO " + account;
            case NOT_LOCKED -> "the source was not locked";
        };
        return note.isEmpty() ? line : line + " (" + note + ")";
    }
}
