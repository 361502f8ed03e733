/** Implementation details of the sync module; not part of the API. */
package io.sitemove.sync.internal;
