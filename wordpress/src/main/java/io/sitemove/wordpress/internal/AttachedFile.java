package io.sitemove.wordpress.internal;

/**
 * An attachment post and the file its {@code _wp_attached_file} names.
 *
 * @param id the attachment post's ID
 * @param file the meta value: a path relative to the uploads directory, as WordPress writes it
 */
public record AttachedFile(long id, String file) {
}
