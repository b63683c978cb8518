package dev.lectern.server.experiment;

import java.util.Optional;

/**
 * Why a queued run waits when no node can take it (no worker has its plugin at its version, or none has the GPU it
 * asks for), so its page says so instead of showing QUEUED for ever. A run that merely waits its turn has none.
 */
@FunctionalInterface
public interface WaitingReason {

    /** Never a reason: every run can be taken (a node that trains everything it queues). */
    WaitingReason NONE = run -> Optional.empty();

    /**
     * The reason.
     *
     * @param run a run
     * @return why no node can take it, empty when one can (or it is not queued)
     */
    Optional<String> of(Experiment run);
}
