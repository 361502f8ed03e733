/** How environment parity gathers and compares two servers' facts. Not part of the API. */
package io.sitemove.verify.internal.env;
