/** Database plumbing behind {@link io.sitemove.remote.db.DbEndpoint}; not part of the API. */
package io.sitemove.remote.db.internal;
