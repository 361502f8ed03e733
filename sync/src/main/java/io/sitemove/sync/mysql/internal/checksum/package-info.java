/**
 * Deltas found by comparing both sides, not part of the API: {@link
 * io.sitemove.sync.mysql.internal.checksum.ChecksumDelta} compares the tables with a primary key range by
 * range (count and strong hash on both servers at once, {@link io.sitemove.sync.mysql.internal.checksum.RangeSql})
 * and replaces only the ranges that differ; tables without a key are compared whole ({@code CHECKSUM TABLE})
 * and, like tables defined differently, recopied by the copy in {@code copy}.
 */
package io.sitemove.sync.mysql.internal.checksum;
