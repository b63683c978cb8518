/** Experiments: their lifecycle, storage, queue and the worker that trains them. */
package dev.lectern.server.experiment;
