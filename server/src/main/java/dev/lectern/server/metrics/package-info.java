/** Metric points: batched writes to the database and live fan-out to browsers over Server-Sent Events. */
package dev.lectern.server.metrics;
