package dev.lectern.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** The device check of the plugin contract finds what a run creates off its device. */
class DeviceWatchTest {

    private static final Device RUN = Engine.getEngine("PyTorch").getGpuCount() > 0 ? Device.gpu(0) : Device.cpu();

    @Test
    void aRunThatNamesTheContextDeviceLeavesNoFindings() {
        try (DeviceWatch watch = DeviceWatch.start(RUN);
                NDManager manager = NDManager.newBaseManager(watch.device());
                NDManager sub = manager.newSubManager();
                Model model = Model.newInstance("careful", watch.device())) {
            model.getNDManager().ones(new ai.djl.ndarray.types.Shape(2, 2));
            NDArray a = manager.create(new float[] {1, 2, 3});
            a.mul(2).add(sub.create(1f));
            watch.check();
            assertThat(watch.findings()).isEmpty();
            assertThat(watch.checks()).isEqualTo(1);
        }
    }

    @Test
    void aManagerOnTheEngineDefaultIsFound() {
        try (DeviceWatch watch = DeviceWatch.start(RUN);
                NDManager careless = NDManager.newBaseManager()) {
            assertThat(careless.getDevice()).isEqualTo(watch.decoy());
            watch.check();
            assertThat(watch.findings()).singleElement().asString().contains("is on " + watch.decoy());
        }
    }

    @Test
    void aModelOnTheEngineDefaultIsFound() {
        try (DeviceWatch watch = DeviceWatch.start(RUN);
                Model model = Model.newInstance("careless")) {
            watch.check();
            assertThat(model.getNDManager().getDevice()).isEqualTo(watch.decoy());
            assertThat(watch.findings()).isNotEmpty();
        }
    }

    @Test
    void aManagerMadeWithAnExplicitCpuIsFoundToo() {
        try (DeviceWatch watch = DeviceWatch.start(RUN);
                NDManager explicit = NDManager.newBaseManager(Device.cpu())) {
            explicit.create(new float[] {1});
            watch.check();
            assertThat(watch.findings()).singleElement().asString().contains("cpu()");
        }
    }

    @Test
    void aManagerClosedBeforeTheCheckIsNotHeld() {
        try (DeviceWatch watch = DeviceWatch.start(RUN)) {
            try (NDManager temporary = NDManager.newBaseManager()) {
                temporary.zeros(new ai.djl.ndarray.types.Shape(3));
            }
            watch.check();
            assertThat(watch.findings()).isEmpty();
        }
    }

    @Test
    void closingPutsTheDefaultBack() {
        Device before = Engine.getEngine("PyTorch").defaultDevice();
        DeviceWatch.start(RUN).close();
        assertThat(Engine.getEngine("PyTorch").defaultDevice()).isEqualTo(before);
        try (NDManager m = NDManager.newBaseManager()) {
            assertThat(m.getDevice()).isEqualTo(before);
        }
    }
}
