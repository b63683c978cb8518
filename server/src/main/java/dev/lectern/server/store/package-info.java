/** Database access: the connection pool and schema migrations. */
package dev.lectern.server.store;
