/** Browser sessions kept in the database: random ids in an HTTP-only cookie, expiring, revocable. */
package dev.lectern.server.session;
