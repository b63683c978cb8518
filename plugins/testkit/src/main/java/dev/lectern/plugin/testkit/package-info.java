/**
 * Contract tests for lecture-model plugins. A plugin module adds one test class that extends
 * {@link dev.lectern.plugin.testkit.LecturePluginContractTest} and supplies a tiny data set; the kit checks
 * metadata, parameter validation, learning, reproducibility, cancellation and save/load/predict.
 */
package dev.lectern.plugin.testkit;
