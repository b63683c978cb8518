/**
 * The Lectern plugin API: what a lecture model implements to appear in the workbench.
 *
 * <p>A plugin is a {@link dev.lectern.plugin.api.LecturePlugin} registered with {@link java.util.ServiceLoader}.
 * It declares its metadata ({@link dev.lectern.plugin.api.PluginDescriptor}), its hyperparameters
 * ({@link dev.lectern.plugin.api.ParamSpec}) and the kinds of data it accepts; the workbench validates
 * values, resolves the data set and calls {@link dev.lectern.plugin.api.LecturePlugin#train} on a worker
 * thread with a {@link dev.lectern.plugin.api.TrainingContext}. Training returns a
 * {@link dev.lectern.plugin.api.TrainedModel} that saves itself, predicts and describes its charts as
 * {@link dev.lectern.plugin.api.view.View} records.
 *
 * <p>This package depends on the JDK and DJL's {@code api} artifact only. No type here refers to HTTP, SQL
 * or templates, so a plugin can be written and tested without the server.
 */
package dev.lectern.plugin.api;
