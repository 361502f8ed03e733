/**
 * The page checks behind {@code HttpVerifier}: each URL fetched from the old and the new server and
 * compared, assets, discovery and latency. Not part of the API.
 */
package io.sitemove.verify.internal.pages;
