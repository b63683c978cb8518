package dev.lectern.server.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.server.DeviceResolver;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineFactsTest {

    private static final EngineFacts CPU =
            new EngineFacts("PyTorch", "2.7.1", "0.34.0", "cpu", false, List.of("MKL"), 0, 1);
    private static final EngineFacts CUDA =
            new EngineFacts("PyTorch", "2.5.1", "0.33.0", "cu124", true, List.of("CUDA"), 2, 2);

    @Test
    void theFlavourComesFromDjlsCacheFolderOrTheSettingOrTheCapability() {
        assertThat(EngineFacts.flavor("/c/pytorch/2.7.1-20250812-cpu-linux-x86_64", null, false))
                .isEqualTo("cpu");
        assertThat(EngineFacts.flavor("/c/pytorch/2.5.1-cu124-linux-x86_64", null, true))
                .isEqualTo("cu124");
        assertThat(EngineFacts.flavor("/opt/libtorch/lib", "cu128", true)).isEqualTo("cu128");
        assertThat(EngineFacts.flavor("/opt/libtorch/lib", null, true)).isEqualTo("cuda");
        assertThat(EngineFacts.flavor(null, null, false)).isEqualTo("cpu");
    }

    @Test
    void theBuildIsNamedWithItsCudaVersion() {
        assertThat(CPU.build()).isEqualTo("PyTorch 2.7.1 CPU build");
        assertThat(CUDA.build()).isEqualTo("PyTorch 2.5.1 CUDA 12.4 build");
        assertThat(CUDA.cudaVersion()).isEqualTo("12.4");
        assertThat(CPU.cudaVersion()).isNull();
    }

    @Test
    void aCpuBuildRefusesEveryGpuNamingTheBuildAndTheReadme() {
        DeviceResolver devices = new DeviceResolver(CPU);
        assertThat(DeviceResolver.name(devices.resolve("auto"))).isEqualTo("cpu");
        assertThatThrownBy(() -> devices.resolve("gpu")).isInstanceOfSatisfying(InvalidParameterException.class, e -> {
            assertThat(e.field()).isEqualTo("device");
            assertThat(e.getMessage())
                    .contains("this server runs PyTorch 2.7.1 CPU build")
                    .contains("1 GPU(s), which a CPU build cannot use")
                    .contains("Training on a GPU");
        });
    }

    @Test
    void aCudaBuildTakesItsGpusAndAutoPrefersOne() {
        DeviceResolver devices = new DeviceResolver(CUDA);
        assertThat(DeviceResolver.name(devices.resolve("auto"))).isEqualTo("gpu:0");
        assertThat(DeviceResolver.name(devices.resolve("gpu:1"))).isEqualTo("gpu:1");
        assertThatThrownBy(() -> devices.resolve("gpu:2")).hasMessageContaining("sees 2 GPU(s)");
    }
}
