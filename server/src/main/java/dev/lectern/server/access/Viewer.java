package dev.lectern.server.access;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who makes a request: a signed-in account, or, without accounts, the machine's one user (or a holder of the
 * token), who sees everything. Access control puts it on every request before it is routed.
 *
 * @param name the account's name, or null without accounts
 * @param role the account's role, or null without accounts
 */
public record Viewer(String name, Role role) {

    private static final String ATTRIBUTE = "lectern.viewer";

    /** Without accounts: the person at this machine, or a script holding the token. */
    public static final Viewer EVERYONE = new Viewer(null, null);

    /**
     * Whether this viewer sees every run (a teacher, or anyone when accounts are off).
     *
     * @return whether they see all
     */
    public boolean seesAll() {
        return role != Role.STUDENT;
    }

    /**
     * Whether this viewer may manage accounts and plugins.
     *
     * @return whether they are a teacher, or accounts are off
     */
    public boolean isTeacher() {
        return role == null || role == Role.TEACHER;
    }

    /**
     * The owner whose runs alone this viewer may see, when they may not see all.
     *
     * @return the student's name, or empty
     */
    public Optional<String> onlyOwner() {
        return seesAll() ? Optional.empty() : Optional.of(name);
    }

    /**
     * Whether this viewer may see a run or sweep.
     *
     * @param owner its owner, or null when made without accounts
     * @return whether it is theirs to see
     */
    public boolean maySee(String owner) {
        return seesAll() || name.equals(owner);
    }

    /**
     * Puts the viewer on a request.
     *
     * @param ctx the request
     */
    public void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    /**
     * The viewer of a request.
     *
     * @param ctx the request
     * @return who makes it ({@link #EVERYONE} where none was attached)
     */
    public static Viewer of(Context ctx) {
        Viewer viewer = ctx.attribute(ATTRIBUTE);
        return viewer == null ? EVERYONE : viewer;
    }
}
