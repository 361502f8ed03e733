/**
 * File sync over SSH: {@link io.sitemove.sync.files.FileSyncer} (with its {@link io.sitemove.sync.files.Preset},
 * {@link io.sitemove.sync.files.Exclusions} and {@link io.sitemove.sync.files.Strategy}) lists both trees and
 * sends only what differs, by a relayed tar stream or a direct rsync push.
 */
package io.sitemove.sync.files;
