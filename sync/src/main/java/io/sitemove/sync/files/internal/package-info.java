/** How the file syncer lists, plans, moves and places entries; not part of the API. */
package io.sitemove.sync.files.internal;
