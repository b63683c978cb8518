package dev.lectern.server.system;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.server.DeviceResolver;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The answer of {@code GET /api/system}: the engine the server really loaded and the devices it can train on.
 *
 * @param engine the engine
 * @param devices every device: the CPU, then the GPUs (usable ones, or visible ones a CPU build cannot use)
 * @param defaultDevice the device of a run that names none: the {@code --device} setting and what it resolves to
 * @param gpuBuild how to get a build that trains on a GPU; null for a CUDA build
 * @param runtime the JVM
 */
public record SystemInfo(
        EngineView engine,
        List<DeviceView> devices,
        DefaultDevice defaultDevice,
        String gpuBuild,
        RuntimeView runtime) {

    /**
     * The engine.
     *
     * @param name its name ({@code PyTorch})
     * @param version the libtorch version
     * @param flavor the native build: {@code cpu}, or {@code cuNNN}
     * @param build the build in a few words, such as {@code PyTorch 2.7.1 CPU build}
     * @param cuda whether it was built with CUDA
     * @param cudaVersion the CUDA version it was built for, or null
     * @param djlVersion the DJL version
     * @param features the native library's capabilities
     */
    public record EngineView(
            String name,
            String version,
            String flavor,
            String build,
            boolean cuda,
            String cudaVersion,
            String djlVersion,
            List<String> features) {}

    /**
     * A device.
     *
     * @param name its name, as runs name it: {@code cpu}, {@code gpu:0}
     * @param kind {@code cpu} or {@code gpu}
     * @param usable whether this server can train on it
     * @param description what it is
     */
    public record DeviceView(String name, String kind, boolean usable, String description) {}

    /**
     * The default device.
     *
     * @param setting the {@code --device} setting: auto, cpu, gpu or gpu:N
     * @param resolved the device it resolves to now
     */
    public record DefaultDevice(String setting, String resolved) {}

    /**
     * The JVM.
     *
     * @param java the Java version
     * @param processors the processors the JVM may use
     * @param maxHeapBytes the heap limit
     */
    public record RuntimeView(String java, int processors, long maxHeapBytes) {}

    /**
     * Collects the facts.
     *
     * @param devices the server's device resolver, with the engine's facts
     * @param defaultDevice the {@code --device} setting
     * @return the facts
     */
    public static SystemInfo of(DeviceResolver devices, String defaultDevice) {
        EngineFacts f = devices.engine();
        Runtime rt = Runtime.getRuntime();
        List<DeviceView> list = new ArrayList<>();
        list.add(new DeviceView("cpu", "cpu", true, rt.availableProcessors() + " processor(s) for the JVM"));
        int gpus = f.cudaBuild() ? f.usableGpus() : f.visibleGpus();
        for (int i = 0; i < gpus; i++) {
            list.add(new DeviceView(
                    "gpu:" + i,
                    "gpu",
                    f.cudaBuild(),
                    f.cudaBuild() ? gpu(i) : "a GPU this " + f.build() + " cannot use"));
        }
        String resolved;
        try {
            resolved = DeviceResolver.name(devices.resolve(defaultDevice));
        } catch (InvalidParameterException e) {
            resolved = "none: " + e.getMessage();
        }
        return new SystemInfo(
                new EngineView(
                        f.name(),
                        f.version(),
                        f.flavor(),
                        f.build(),
                        f.cudaBuild(),
                        f.cudaVersion(),
                        f.djlVersion(),
                        f.features()),
                List.copyOf(list),
                new DefaultDevice(defaultDevice, resolved),
                f.cudaBuild() ? null : gpuHelp(),
                new RuntimeView(System.getProperty("java.version"), rt.availableProcessors(), rt.maxMemory()));
    }

    /** How to get a GPU build, for people. */
    static String gpuHelp() {
        return "this is a CPU build; " + EngineFacts.GPU_HELP;
    }

    private static String gpu(int index) {
        StringBuilder s = new StringBuilder("CUDA GPU");
        try {
            s.append(", compute capability ").append(CudaUtils.getComputeCapability(index));
            MemoryUsage memory = CudaUtils.getGpuMemory(Device.gpu(index));
            s.append(String.format(Locale.ROOT, ", %.1f GiB", memory.getMax() / (1024.0 * 1024 * 1024)));
        } catch (RuntimeException | LinkageError e) {
            s.append(" (details unavailable: ").append(e.getMessage()).append(')');
        }
        return s.toString();
    }
}
