/** The verifiers' internals. Not part of the API: anything here may change without notice. */
package io.sitemove.verify.internal;
