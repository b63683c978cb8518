package dev.lectern.plugin.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one of the project's PyTorch reference scripts ({@code bench/*.py}) for a benchmark to print beside its own
 * figure, when a Python with torch is installed (Debian's {@code python3-torch}). The script prints one line starting
 * with {@code PYTORCH}; {@link #value} reads a {@code name=value} field from it.
 */
public final class PyTorchReference {

    private PyTorchReference() {}

    /**
     * Runs a script from the project's {@code bench} folder.
     *
     * @param script the script's file name, such as {@code mnist.py}
     * @param args its arguments
     * @return the line it printed starting with {@code PYTORCH}, empty when no Python with torch ran it
     */
    public static Optional<String> run(String script, String... args) {
        Optional<Path> file = locate(script);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        // Debian's python3-torch lives with the system interpreter, which another python3 on the PATH (a pyenv shim,
        // say) may hide; PYENV_VERSION=system makes such a shim hand over to it.
        String configured = System.getProperty("lectern.bench.python");
        List<String> pythons = configured != null ? List.of(configured) : List.of("/usr/bin/python3", "python3");
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("PYENV_VERSION", "system"))) {
            for (String python : pythons) {
                List<String> command =
                        new ArrayList<>(List.of(python, file.get().toString()));
                command.addAll(List.of(args));
                Optional<String> line = exec(command, env);
                if (line.isPresent()) {
                    return line;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a number from a {@code PYTORCH ... name=value ...} line.
     *
     * @param line the line
     * @param name the field's name
     * @return the value, or NaN when the field is missing
     */
    public static double value(String line, String name) {
        Matcher m =
                Pattern.compile("\\b" + Pattern.quote(name) + "=([0-9.eE+-]+)").matcher(line);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static Optional<Path> locate(String script) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("bench").resolve(script);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> exec(List<String> command, Map<String, String> env) {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            // As docs/performance.md ran PyTorch: OpenBLAS's OpenMP threads capped at the cores, like torch's intra-op
            // pool.
            builder.environment()
                    .putIfAbsent(
                            "OMP_NUM_THREADS",
                            Integer.toString(Runtime.getRuntime().availableProcessors()));
            process = builder.start();
        } catch (IOException e) {
            return Optional.empty();
        }
        String found = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("PYTORCH")) {
                    found = line;
                }
            }
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return process.exitValue() == 0 ? Optional.ofNullable(found) : Optional.empty();
    }
}
