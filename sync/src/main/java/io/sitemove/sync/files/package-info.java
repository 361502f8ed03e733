/**
 * File sync over SSH: {@link io.sitemove.sync.files.FileSyncer} (with its {@link io.sitemove.sync.files.Preset},
 * {@link io.sitemove.sync.files.Exclusions} and {@link io.sitemove.sync.files.Strategy}) lists both trees and
 * sends only what differs, by a relayed tar stream or a direct rsync push; each sync's details are a {@link
 * io.sitemove.sync.files.FileSyncDetails} record, its {@link io.sitemove.sync.files.Route} the way the contents
 * took.
 */
package io.sitemove.sync.files;
