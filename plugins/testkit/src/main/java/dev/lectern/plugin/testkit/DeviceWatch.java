package dev.lectern.plugin.testkit;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watches where a run creates its tensors. Every NDManager of the PyTorch engine (those of {@code
 * NDManager.newBaseManager}, of {@code Model.newInstance} and their sub-managers) hangs below the engine's system
 * manager, so walking that tree from time to time during a run finds every manager and array the run holds.
 *
 * <p>On a GPU host the run trains on {@code gpu(0)} while the engine's default device (what {@code
 * NDManager.newBaseManager()} and {@code Model.newInstance(name)} use when no device is named) is moved to the CPU:
 * every manager and every array (as the engine reports its tensor's device) must be on {@code gpu(0)}.
 *
 * <p>On a CPU-only host there is no second device PyTorch could put a tensor on, and DJL's {@code Device.of("cpu", n)}
 * is always the one CPU device. The run gets a CPU device of its own instead: a second {@code Device} object for the
 * CPU (equal to it, with the same hash, so DJL's device maps still find it), which DJL passes on unchanged to every manager made from
 * it. A manager the run holds that was made from anything else ({@code Device.cpu()}, the engine's default, a device
 * read back from an array) holds the shared CPU object and is found. Arrays are attributed to their managers; that
 * a single tensor was copied to another device inside a manager on the right one can only be seen on a GPU host.
 */
public final class DeviceWatch implements AutoCloseable {

    private static final int MAX_FINDINGS = 10;

    private final Device expected;
    private final Device decoy;
    private final NDManager system;
    private final Set<String> before;
    private final Device systemDevice;
    private final Device engineDefault;
    private final List<String> findings = Collections.synchronizedList(new ArrayList<>());
    private int checks;

    private final boolean byIdentity;

    private DeviceWatch(Device run) throws ReflectiveOperationException {
        this.byIdentity = !run.isGpu();
        this.expected = byIdentity ? markedCpu() : run;
        this.decoy = Device.cpu();
        try (NDManager probe = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            this.system = probe.getParentManager();
        }
        this.before = new HashSet<>(resources(system).keySet());
        Engine engine = Engine.getEngine("PyTorch");
        this.engineDefault = engine.defaultDevice();
        this.systemDevice = system.getDevice();
        if (!byIdentity) {
            setDefault(decoy);
        }
    }

    /** A CPU device object of the run's own, equal to (but not the same object as) {@code Device.cpu()}. */
    private static Device markedCpu() throws ReflectiveOperationException {
        java.lang.reflect.Constructor<Device> c = Device.class.getDeclaredConstructor(String.class, int.class);
        c.setAccessible(true);
        return c.newInstance(Device.Type.CPU, -1);
    }

    /**
     * Starts watching a run.
     *
     * @param run the device to train on: {@code gpu(0)} on a GPU host, else the CPU
     * @return the watch; train on its {@link #device()}, and close it to restore the engine's default device
     */
    public static DeviceWatch start(Device run) {
        try {
            return new DeviceWatch(run);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot watch the PyTorch engine's managers: " + e, e);
        }
    }

    /**
     * Returns the device to hand the run as {@code context.device()}.
     *
     * @return the run's device
     */
    public Device device() {
        return expected;
    }

    /**
     * Returns the device a run that ignores {@code context.device()} would create things on.
     *
     * @return the engine's default device while the watch runs
     */
    public Device decoy() {
        return decoy;
    }

    /**
     * Walks every manager created since the watch started, and every array they hold, noting any that is not on the
     * run's device.
     */
    public void check() {
        checks++;
        for (Map.Entry<String, AutoCloseable> e : resources(system).entrySet()) {
            if (!before.contains(e.getKey()) && e.getValue() instanceof NDManager manager) {
                walk(manager, "manager " + name(manager));
            }
        }
    }

    /**
     * Returns how many times {@link #check} walked the tree.
     *
     * @return the number of checks
     */
    public int checks() {
        return checks;
    }

    /**
     * Returns what was found on another device, at most a few.
     *
     * @return the findings, empty when everything was on the run's device
     */
    public List<String> findings() {
        synchronized (findings) {
            return List.copyOf(findings);
        }
    }

    private void walk(NDManager manager, String path) {
        if (!manager.isOpen()) {
            return;
        }
        if (byIdentity ? manager.getDevice() != expected : !expected.equals(manager.getDevice())) {
            note(path + " is on " + manager.getDevice()
                    + (byIdentity ? " but was not made from context.device()" : ", not " + expected));
        }
        for (AutoCloseable child : resources(manager).values()) {
            if (child instanceof NDManager sub) {
                walk(sub, path + " > " + name(sub));
            } else if (child instanceof NDArray array) {
                Device device = array.getDevice();
                if (!expected.equals(device)) {
                    note("array " + array.getShape() + (array.getName() == null ? "" : " '" + array.getName() + "'")
                            + " in " + path + " is on " + device + ", not " + expected);
                }
            }
        }
    }

    private void note(String finding) {
        if (findings.size() < MAX_FINDINGS && !findings.contains(finding)) {
            findings.add(finding);
        }
    }

    private static String name(NDManager manager) {
        return manager.getName() == null ? manager.getClass().getSimpleName() : manager.getName();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, AutoCloseable> resources(NDManager manager) {
        if (!(manager instanceof BaseNDManager)) {
            return Map.of();
        }
        try {
            Field f = BaseNDManager.class.getDeclaredField("resources");
            f.setAccessible(true);
            return (Map<String, AutoCloseable>) f.get(manager);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read an NDManager's resources: " + e, e);
        }
    }

    private void setDefault(Device device) throws ReflectiveOperationException {
        Field engine = Engine.class.getDeclaredField("defaultDevice");
        engine.setAccessible(true);
        engine.set(Engine.getEngine("PyTorch"), device == null ? null : device);
        Field manager = BaseNDManager.class.getDeclaredField("device");
        manager.setAccessible(true);
        manager.set(system, device);
    }

    /** Puts the engine's default device back. */
    @Override
    public void close() {
        try {
            Field engine = Engine.class.getDeclaredField("defaultDevice");
            engine.setAccessible(true);
            engine.set(Engine.getEngine("PyTorch"), engineDefault);
            Field manager = BaseNDManager.class.getDeclaredField("device");
            manager.setAccessible(true);
            manager.set(system, systemDevice);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot restore the engine's default device: " + e, e);
        }
    }
}
