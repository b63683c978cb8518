/**
 * A class on several machines (issue #14): the job engine that queues runs in the shared database (db-scheduler),
 * the nodes that train them (the web server's own threads and {@code lectern worker} JVMs), their heartbeats, what
 * happens to a run whose worker dies, and how a worker's live events reach the web node (PostgreSQL NOTIFY).
 */
package dev.lectern.server.worker;
