/**
 * Data sets in the workbench: the catalog's pages and JSON API, and CSV files people upload.
 *
 * <p>An upload is streamed to disk under a hard size cap, parsed by {@code datasets}' strict CSV parser, stored as
 * {@code <data>/uploads/<id>.csv} with a row in {@code uploaded_datasets}, and registered with the
 * {@link dev.lectern.datasets.DatasetService}, so that every part of the server that finds or loads a data set
 * by id sees it, before and after a restart.
 */
package dev.lectern.server.dataset;
