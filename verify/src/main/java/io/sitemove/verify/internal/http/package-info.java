/**
 * The page fetcher of the HTTP checks: Apache HttpClient 5 with the site's host names pinned to a server,
 * bounded waits, bounded bodies, and failures as typed outcomes. Not part of the API.
 */
package io.sitemove.verify.internal.http;
