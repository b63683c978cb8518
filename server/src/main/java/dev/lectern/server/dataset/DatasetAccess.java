package dev.lectern.server.dataset;

import dev.lectern.server.access.Role;
import dev.lectern.server.access.Viewer;
import dev.lectern.server.account.UserStore;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Who may see and train on an uploaded data set: a student's upload is theirs and their teacher's; a teacher's, or
 * one made without accounts, is class material open to everyone (a lesson may use it). Built-in data sets are open.
 */
public final class DatasetAccess {

    private final DatasetUploads uploads;
    private final UserStore users;

    /**
     * Creates the rule.
     *
     * @param uploads knows who uploaded what
     * @param users knows who is a teacher
     */
    public DatasetAccess(DatasetUploads uploads, UserStore users) {
        this.uploads = uploads;
        this.users = users;
    }

    /**
     * Whether a viewer may see a data set.
     *
     * @param viewer who asks
     * @param datasetId the data set
     * @return whether it is theirs to see
     */
    public boolean maySee(Viewer viewer, String datasetId) {
        if (viewer.seesAll()) {
            return true;
        }
        Optional<Optional<String>> owner = uploads.owner(datasetId);
        if (owner.isEmpty() || owner.get().isEmpty() || owner.get().get().equals(viewer.name())) {
            return true;
        }
        return users.find(owner.get().get()).map(u -> u.role() == Role.TEACHER).orElse(false);
    }

    /**
     * The rule for the experiment service, which knows a run's requester by name.
     *
     * @return (requester or null, data set) to whether they may train on it
     */
    public BiPredicate<String, String> forRequester() {
        return (requester, datasetId) -> requester == null
                || maySee(
                        users.find(requester)
                                .map(u -> new Viewer(u.name(), u.role()))
                                .orElse(new Viewer(requester, Role.STUDENT)),
                        datasetId);
    }
}
