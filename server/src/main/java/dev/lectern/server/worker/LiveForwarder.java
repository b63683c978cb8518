package dev.lectern.server.worker;

import dev.lectern.server.metrics.LiveHub;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries a node's live events to the web node through {@link PgSignals#LIVE}, and back into the web node's hub. An
 * event too long for one notification (a batch of many points) is split by its list into several events the page
 * takes as it takes any, since it appends points and texts as they come.
 */
public final class LiveForwarder implements LiveHub.Forwarder {

    private static final Logger LOG = LoggerFactory.getLogger(LiveForwarder.class);

    private final String node;
    private final Function<Object, String> json;
    private final PgSignals signals;

    /**
     * Creates the forwarder of one node.
     *
     * @param node this node's name, so the web node skips its own events (it published them itself)
     * @param json serialises event data
     * @param signals where notifications go
     */
    public LiveForwarder(String node, Function<Object, String> json, PgSignals signals) {
        this.node = node;
        this.json = json;
        this.signals = signals;
    }

    @Override
    public void forward(long experimentId, String event, Object data) {
        String text = json.apply(data);
        String head = node + "\t" + experimentId + "\t" + event + "\t";
        if (head.length() + text.length() <= PgSignals.MAX_PAYLOAD) {
            signals.send(PgSignals.LIVE, head + text);
            return;
        }
        if (data instanceof Map<?, ?> map
                && map.size() == 1
                && map.values().iterator().next() instanceof List<?> list
                && list.size() > 1) {
            Object key = map.keySet().iterator().next();
            forward(experimentId, event, Map.of(key, list.subList(0, list.size() / 2)));
            forward(experimentId, event, Map.of(key, list.subList(list.size() / 2, list.size())));
            return;
        }
        LOG.debug("event {} of experiment {} is too long to send live ({} bytes)", event, experimentId, text.length());
    }

    /**
     * Publishes a notification into a hub, unless this node sent it.
     *
     * @param payload the notification's payload
     * @param hub the web node's hub
     */
    public void receive(String payload, LiveHub hub) {
        String[] parts = payload.split("\t", 4);
        if (parts.length != 4 || parts[0].equals(node)) {
            return;
        }
        try {
            hub.publishJson(Long.parseLong(parts[1]), parts[2], parts[3]);
        } catch (NumberFormatException e) {
            LOG.debug("not a live event: {}", payload.length() > 80 ? payload.substring(0, 80) : payload);
        }
    }
}
