package dev.lectern.server;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.server.system.EngineFacts;
import java.util.Locale;

/** Turns a device choice (auto, cpu, gpu, gpu:N) into a DJL device that exists on this machine. */
public final class DeviceResolver {

    private final int gpuCount;
    private final EngineFacts facts;

    /**
     * Creates a resolver for the engine's GPUs.
     *
     * @param engine the engine
     */
    public DeviceResolver(Engine engine) {
        this(EngineFacts.read(engine));
    }

    /**
     * Creates a resolver for an engine's facts.
     *
     * @param facts what the loaded engine can do
     */
    public DeviceResolver(EngineFacts facts) {
        this.facts = facts;
        this.gpuCount = facts.usableGpus();
    }

    /** Returns the facts of the engine this resolver answers for. */
    public EngineFacts engine() {
        return facts;
    }

    /** Returns the number of usable GPUs. */
    public int gpuCount() {
        return gpuCount;
    }

    /**
     * Resolves a choice.
     *
     * @param choice auto, cpu, gpu or gpu:N
     * @return the device
     * @throws InvalidParameterException naming the field {@code device}
     */
    public Device resolve(String choice) {
        String c = choice == null ? "auto" : choice.trim().toLowerCase(Locale.ROOT);
        if (c.equals("auto")) {
            return gpuCount > 0 ? Device.gpu(0) : Device.cpu();
        }
        if (c.equals("cpu")) {
            return Device.cpu();
        }
        if (c.matches("gpu(:\\d{1,3})?")) {
            int index = c.contains(":") ? Integer.parseInt(c.substring(4)) : 0;
            if (index >= gpuCount) {
                throw new InvalidParameterException("device", facts.whyNoGpu(c, index));
            }
            return Device.gpu(index);
        }
        throw new InvalidParameterException("device", "device must be auto, cpu, gpu or gpu:N, got '" + choice + "'");
    }

    /**
     * Checks a choice's form without resolving it here, for a run another node will resolve.
     *
     * @param choice auto, cpu, gpu or gpu:N (any case, blank for auto)
     * @return the choice in lower case ({@code gpu} as {@code gpu:0})
     * @throws InvalidParameterException naming the field {@code device}
     */
    public static String normalize(String choice) {
        String c = choice == null || choice.isBlank() ? "auto" : choice.trim().toLowerCase(Locale.ROOT);
        if (c.equals("auto") || c.equals("cpu") || c.matches("gpu:\\d{1,3}")) {
            return c;
        }
        if (c.equals("gpu")) {
            return "gpu:0";
        }
        throw new InvalidParameterException("device", "device must be auto, cpu, gpu or gpu:N, got '" + choice + "'");
    }

    /** Formats a device the way it is stored and shown. */
    public static String name(Device device) {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }
}
