/** The journals sitemove ships: {@link io.sitemove.journal.DirectoryJournal} and {@link io.sitemove.journal.JdbcJournal}. */
package io.sitemove.journal;
