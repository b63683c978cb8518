package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import dev.lectern.server.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The packaged server as a process: {@code lectern doctor}, and the refusal of {@code --device gpu} without one. */
class DoctorIT {

    private static final Path JAR = Path.of("target", "lectern.jar");

    record Result(int exit, String out, String err) {}

    @Test
    @Timeout(600)
    void doctorTrainsEveryBundledPluginAndNamesTheEngine(@TempDir Path dir) throws Exception {
        Result r = run(
                dir,
                "doctor",
                "--steps",
                "40",
                "--data-dir",
                dir.resolve("data").toString(),
                "--dataset-mirror",
                TestServer.datasetMirror().toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .contains("Lectern doctor")
                .contains("engine PyTorch " + Engine.getEngine("PyTorch").getVersion())
                .contains("doctor: OK");
        for (String plugin : List.of(
                "linear-regression",
                "logistic-regression",
                "softmax-regression",
                "mlp",
                "cnn",
                "char-rnn",
                "lstm-forecaster")) {
            assertThat(r.out())
                    .as(r.out())
                    .containsPattern("(?m)^  " + plugin + " +\\S+ +cpu +\\d+ +[0-9.]+ +[-0-9.e]+$");
        }
    }

    @Test
    @Timeout(120)
    void aServerAskedForAGpuThisBuildCannotUseRefusesToStartWithOneLine(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Engine.getEngine("PyTorch").getGpuCount() == 0);
        Result r = run(
                dir,
                "--device",
                "gpu",
                "--port",
                "0",
                "--data-dir",
                dir.resolve("data").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        List<String> lines =
                r.err().lines().filter(l -> l.startsWith("lectern:")).toList();
        assertThat(lines)
                .singleElement()
                .asString()
                .contains("--device gpu")
                .contains("CPU build")
                .contains("Training on a GPU");
        assertThat(r.out()).doesNotContain("Lectern is running");
        assertThat(dir.resolve("data").resolve("lectern.lock")).doesNotExist();
    }

    private static Result run(Path dir, String... args) throws IOException, InterruptedException {
        assertThat(JAR)
                .as("the packaged server (mvn package runs before the integration tests)")
                .exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g",
                "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_interop_threads=1",
                "-jar",
                JAR.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(540, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + Files.readString(out, StandardCharsets.UTF_8));
        }
        return new Result(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
