/** How the MySQL syncer copies, replays and compares; not part of the API. */
package io.sitemove.sync.mysql.internal;
