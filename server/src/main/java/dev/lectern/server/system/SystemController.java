package dev.lectern.server.system;

import dev.lectern.server.DeviceResolver;
import dev.lectern.web.Templates;
import dev.lectern.web.page.KeyValue;
import dev.lectern.web.page.SystemPage;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code GET /api/system} and {@code GET /system}: what the server really trains on. */
public final class SystemController {

    private final DeviceResolver devices;
    private final String defaultDevice;
    private final Templates templates;

    /**
     * Creates the controller.
     *
     * @param devices the device resolver, with the engine's facts
     * @param defaultDevice the {@code --device} setting
     * @param templates the page renderer
     */
    public SystemController(DeviceResolver devices, String defaultDevice, Templates templates) {
        this.devices = devices;
        this.defaultDevice = defaultDevice;
        this.templates = templates;
    }

    /** The facts as JSON. */
    public void api(Context ctx) {
        ctx.json(info());
    }

    /** The system page. */
    public void page(Context ctx) {
        SystemInfo info = info();
        SystemInfo.EngineView e = info.engine();
        List<KeyValue> engine = new ArrayList<>();
        engine.add(new KeyValue("engine", e.name() + " " + e.version()));
        engine.add(new KeyValue(
                "flavour",
                e.flavor()
                        + (e.cuda()
                                ? " (CUDA build" + (e.cudaVersion() == null ? "" : ", CUDA " + e.cudaVersion()) + ")"
                                : " (CPU build)")));
        engine.add(new KeyValue("DJL", e.djlVersion()));
        engine.add(new KeyValue("capabilities", String.join(", ", e.features())));
        engine.add(new KeyValue("Java", info.runtime().java()));
        engine.add(new KeyValue(
                "heap limit",
                String.format(Locale.ROOT, "%.1f GiB", info.runtime().maxHeapBytes() / (1024.0 * 1024 * 1024))));
        List<SystemPage.Device> rows = info.devices().stream()
                .map(d -> new SystemPage.Device(d.name(), d.usable(), d.description()))
                .toList();
        String dflt = info.defaultDevice().setting()
                + (info.defaultDevice().setting().equals(info.defaultDevice().resolved())
                        ? ""
                        : " → " + info.defaultDevice().resolved());
        ctx.html(templates.render(
                "system.jte",
                new SystemPage(
                        e.build(), e.cuda(), engine, rows, dflt, info.gpuBuild() == null ? "" : EngineFacts.GPU_HELP)));
    }

    private SystemInfo info() {
        return SystemInfo.of(devices, defaultDevice);
    }
}
