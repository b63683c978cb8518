package dev.lectern.server.worker;

import dev.lectern.server.experiment.Experiment;

/**
 * The job engine's task names for runs: one per plugin, plugin version and kind of device. A node registers the
 * names of what it can train, and the engine hands a node only executions whose task it knows, so a worker missing
 * a plugin, or holding another version of it, never takes that plugin's runs, and a GPU run goes only to a node
 * with a GPU.
 */
public final class RunTasks {

    private static final String PREFIX = "train:";

    private RunTasks() {}

    /**
     * A task's name.
     *
     * @param pluginId the plugin
     * @param version its version
     * @param gpu whether the run asks for a GPU
     * @return the name, such as {@code train:cnn@1.4.0:cpu}
     */
    public static String name(String pluginId, String version, boolean gpu) {
        return PREFIX + pluginId + "@" + version + (gpu ? ":gpu" : ":cpu");
    }

    /** The task that trains a run. */
    public static String of(Experiment run) {
        return name(run.pluginId(), run.pluginVersion(), wantsGpu(run.device()));
    }

    /** Whether a run's device names a GPU. */
    public static boolean wantsGpu(String device) {
        return device != null && device.startsWith("gpu");
    }
}
