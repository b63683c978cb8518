/**
 * Descriptive statistics of tables: per-column ranges, means and spreads, class counts of a categorical label,
 * and an even sample of rows for plots.
 */
package dev.lectern.datasets.stats;
