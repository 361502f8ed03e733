/** How the schema verifier reads information_schema on a server and compares two schemas. Not part of the API. */
package io.sitemove.verify.internal.schema;
