package dev.lectern.web.page;

import java.util.List;

/**
 * The workers page: every node that trains runs, what it can take and what it trains now.
 *
 * @param shared whether the nodes share a PostgreSQL store (else this server is the only worker)
 * @param timeoutSeconds how long a silent worker's runs go on before they are INTERRUPTED
 * @param workers one page of the workers, live ones first
 * @param pager the position in the list
 */
public record WorkersPage(boolean shared, long timeoutSeconds, List<Row> workers, Pager pager) {

    /**
     * One worker.
     *
     * @param name its name ({@code --name})
     * @param host the machine it runs on
     * @param state {@code alive}, {@code silent} (no heartbeat within the timeout) or {@code stopped}
     * @param heard when it was last heard from, in words ("2 s ago")
     * @param devices its devices, such as {@code cpu} and {@code gpu:0}
     * @param plugins its plugins, each {@code id@version}
     * @param concurrency how many runs it trains at once
     * @param training the runs it trains now that the viewer may open (id and label)
     * @param othersTraining how many more it trains that are other people's
     */
    public record Row(
            String name,
            String host,
            String state,
            String heard,
            List<String> devices,
            List<String> plugins,
            int concurrency,
            List<KeyValue> training,
            int othersTraining) {}
}
