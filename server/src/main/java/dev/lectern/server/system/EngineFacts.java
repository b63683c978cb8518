package dev.lectern.server.system;

import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.cuda.CudaUtils;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine as it really is, read from DJL once the native library is loaded: not what the build meant to bundle.
 *
 * @param name the engine's name ({@code PyTorch})
 * @param version the libtorch version
 * @param djlVersion the DJL version
 * @param flavor the native build's flavour: {@code cpu}, or {@code cuNNN} for a CUDA build
 * @param cudaBuild whether the loaded libtorch was built with CUDA (its {@code CUDA} capability)
 * @param features the native library's capabilities (CUDA, CUDNN, MKL, OPENMP, ...)
 * @param usableGpus the GPUs the engine can train on (0 for a CPU build, whatever the host has)
 * @param visibleGpus the GPUs the CUDA driver of this host reports, usable or not
 */
public record EngineFacts(
        String name,
        String version,
        String djlVersion,
        String flavor,
        boolean cudaBuild,
        List<String> features,
        int usableGpus,
        int visibleGpus) {

    /** Where the README explains how to build and start a server that trains on a GPU. */
    public static final String GPU_HELP =
            "see \"Training on a GPU\" in the README: build with mvn -B -Pgpu package or " + "run Dockerfile.gpu";

    private static final Pattern CUDA_FLAVOR = Pattern.compile("cu(\\d+)(\\d)");

    /**
     * Reads the facts of a loaded engine.
     *
     * @param engine the PyTorch engine
     * @return the facts
     */
    public static EngineFacts read(Engine engine) {
        boolean cuda = engine.hasCapability(StandardCapabilities.CUDA);
        List<String> features = List.copyOf(JniUtils.getFeatures());
        int visible = CudaUtils.hasCuda() ? CudaUtils.getGpuCount() : 0;
        return new EngineFacts(
                engine.getEngineName(),
                engine.getVersion(),
                Engine.getDjlVersion(),
                flavor(libtorchPath(), System.getenv("PYTORCH_FLAVOR"), cuda),
                cuda,
                features,
                engine.getGpuCount(),
                visible);
    }

    /**
     * Names the flavour of a libtorch folder: DJL's cache folders are named {@code 2.7.1-20250812-cpu-linux-x86_64}
     * or {@code 2.5.1-cu124-linux-x86_64}; a libtorch installed by hand ({@code PYTORCH_LIBRARY_PATH}) says nothing,
     * so {@code PYTORCH_FLAVOR} or the CUDA capability decide.
     *
     * @param libtorch the folder the native library was loaded from, or null
     * @param declared the {@code PYTORCH_FLAVOR} setting, or null
     * @param cuda whether the library has the CUDA capability
     * @return the flavour
     */
    static String flavor(String libtorch, String declared, boolean cuda) {
        if (libtorch != null) {
            Path name = Path.of(libtorch).getFileName();
            for (String token : (name == null ? "" : name.toString())
                    .toLowerCase(Locale.ROOT)
                    .split("-")) {
                if (token.equals("cpu") || CUDA_FLAVOR.matcher(token).matches()) {
                    return token;
                }
            }
        }
        if (declared != null && !declared.isBlank()) {
            return declared.trim().toLowerCase(Locale.ROOT);
        }
        return cuda ? "cuda" : "cpu";
    }

    private static String libtorchPath() {
        try {
            return LibUtils.getLibtorchPath();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Returns the CUDA version the native library was built for ({@code 12.4} for {@code cu124}), or null. */
    public String cudaVersion() {
        Matcher m = CUDA_FLAVOR.matcher(flavor);
        return cudaBuild && m.matches() ? m.group(1) + "." + m.group(2) : null;
    }

    /** Describes the build in a few words: {@code PyTorch 2.7.1 CPU build} or {@code PyTorch 2.5.1 CUDA 12.4 build}. */
    public String build() {
        if (!cudaBuild) {
            return name + " " + version + " CPU build";
        }
        String cuda = cudaVersion();
        return name + " " + version + (cuda == null ? " CUDA" : " CUDA " + cuda) + " build";
    }

    /** Explains why this server cannot train on GPU {@code index}, and what to do about it. */
    public String whyNoGpu(String choice, int index) {
        if (!cudaBuild) {
            String visible =
                    visibleGpus > 0 ? " (this host has " + visibleGpus + " GPU(s), which a CPU build cannot use)" : "";
            return "device " + choice + " is not available: this server runs " + build() + visible
                    + ", which trains on the CPU only; for a GPU build " + GPU_HELP + "; or use cpu or auto";
        }
        return "device " + choice + " is not available: this server's " + build() + " sees "
                + (usableGpus == 0 ? "no GPU" : usableGpus + " GPU(s), numbered from gpu:0") + "; use cpu or auto"
                + (index > 0 && usableGpus > 0 ? " or gpu:0" : "");
    }

    /** One line for the start-up banner. */
    public String describe() {
        String gpus = cudaBuild
                ? usableGpus + " GPU(s) usable"
                : visibleGpus > 0 ? visibleGpus + " GPU(s) on this host, unusable by a CPU build" : "no GPU";
        return String.format(Locale.ROOT, "engine %s (flavour %s) via DJL %s; %s", build(), flavor, djlVersion, gpus);
    }
}
