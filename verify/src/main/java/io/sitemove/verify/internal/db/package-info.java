/** The database verifier's parts: range and row hashes computed in the servers, narrowing, findings. */
package io.sitemove.verify.internal.db;
