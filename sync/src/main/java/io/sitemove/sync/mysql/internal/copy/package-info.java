/**
 * The copy of whole tables from one consistent snapshot, not part of the API: {@link
 * io.sitemove.sync.mysql.internal.copy.ParallelCopy} recreates the tables a {@link
 * io.sitemove.sync.mysql.internal.copy.TableChoice} names and fills them with a pool of workers, each table
 * planned in key-ordered chunks ({@link io.sitemove.sync.mysql.internal.copy.TableJob}, {@link
 * io.sitemove.sync.mysql.internal.copy.ChunkPlanner}) and loaded in bulk ({@link
 * io.sitemove.sync.mysql.internal.copy.ChunkLoader}: LOAD DATA from a stream, or batched INSERTs), secondary
 * indexes built after the load. A FULL sync copies every table; the deltas use it for the tables they find
 * changed, and the checksum delta loads its differing key ranges with the same chunks and loader.
 */
package io.sitemove.sync.mysql.internal.copy;
