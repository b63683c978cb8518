package dev.lectern.web.page;

import java.util.List;

/**
 * The system page: the engine the server really loaded and the devices it can train on.
 *
 * @param build the engine build in a few words, such as {@code PyTorch 2.7.1 CPU build}
 * @param cuda whether the build can train on a GPU
 * @param engine the engine's facts
 * @param devices the devices
 * @param defaultDevice the default device setting and what it resolves to
 * @param gpuHelp how to get a GPU build, empty for a CUDA build
 */
public record SystemPage(
        String build, boolean cuda, List<KeyValue> engine, List<Device> devices, String defaultDevice, String gpuHelp) {

    /**
     * One device.
     *
     * @param name its name, as runs name it ({@code cpu}, {@code gpu:0})
     * @param usable whether this server can train on it
     * @param description what it is
     */
    public record Device(String name, boolean usable, String description) {}
}
