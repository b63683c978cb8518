package dev.lectern.server.experiment;

import java.util.Map;

/**
 * Carries a checked control request (pause, resume, single steps, live values) to the node that trains a run, when
 * that is another machine sharing the store; that node applies it with {@link RunControls#apply}.
 */
@FunctionalInterface
public interface ControlRelay {

    /** No other nodes: nothing is sent. */
    ControlRelay NONE = (run, action, steps, values) -> false;

    /**
     * Sends a request.
     *
     * @param run the run, with the node that trains it
     * @param action pause, resume or step, or null for none
     * @param steps the single steps of {@code step}
     * @param values parameter name to new value, already checked
     * @return whether it was sent
     */
    boolean send(Experiment run, String action, long steps, Map<String, Object> values);
}
