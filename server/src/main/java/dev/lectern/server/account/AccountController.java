package dev.lectern.server.account;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.server.ForbiddenException;
import dev.lectern.server.Json;
import dev.lectern.server.QuotaExceededException;
import dev.lectern.server.access.Role;
import dev.lectern.server.access.Viewer;
import dev.lectern.server.http.AccessControl;
import dev.lectern.server.http.JsonBodies;
import dev.lectern.server.session.SessionStore;
import dev.lectern.web.Templates;
import dev.lectern.web.page.KeyValue;
import dev.lectern.web.page.PasswordPage;
import dev.lectern.web.page.SignInPage;
import dev.lectern.web.page.UsersPage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Signing in and out (a page and {@code /api/session}), one's own password, and the teacher's accounts page and
 * {@code /api/users}. Sessions live in the database, so they survive restarts; signing out revokes one at once.
 */
public final class AccountController {

    /**
     * The answer of {@code GET/POST /api/session}.
     *
     * @param user the account's name, or null
     * @param role its role, or null
     */
    public record SessionView(String user, Role role) {}

    /**
     * The answer of {@code POST /api/users}.
     *
     * @param name the account
     * @param role its role
     * @param password its one-time password, shown this once
     */
    public record NewUserView(String name, Role role, String password) {}

    private final UserStore users;
    private final SessionStore sessions;
    /** A class often signs in from one address (a school's NAT), so an address may fail far more often than a name. */
    private final SignInThrottle byName;

    private final SignInThrottle byAddress;
    private final Templates templates;
    private final Json json;

    /**
     * Creates the controller.
     *
     * @param users the accounts
     * @param sessions the sessions
     * @param clock times failed sign-ins, which make further tries wait
     * @param templates renders the pages
     * @param json reads bodies
     */
    public AccountController(
            UserStore users, SessionStore sessions, java.time.Clock clock, Templates templates, Json json) {
        this.users = users;
        this.sessions = sessions;
        this.byName = new SignInThrottle(clock, 5);
        this.byAddress = new SignInThrottle(clock, 100);
        this.templates = templates;
        this.json = json;
    }

    /** {@code GET /sign-in}. */
    public void signInPage(Context ctx) {
        ctx.html(templates.render("account/sign-in.jte", new SignInPage("", next(ctx.queryParam("next")), "")));
    }

    /** {@code POST /sign-in}: the form; on success to where the person was going, or to choose a password first. */
    public void signInForm(Context ctx) {
        String name = ctx.formParam("user");
        String next = next(ctx.formParam("next"));
        try {
            UserStore.User user = signIn(ctx, name, ctx.formParam("password"));
            ctx.redirect(user.mustChangePassword() ? "/account/password" : next, HttpStatus.SEE_OTHER);
        } catch (InvalidParameterException | QuotaExceededException e) {
            ctx.status(e instanceof QuotaExceededException ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED)
                    .html(templates.render(
                            "account/sign-in.jte", new SignInPage(name == null ? "" : name, next, e.getMessage())));
        }
    }

    /** {@code POST /api/session}: {@code {"user","password"}} -> 200 with the session cookie, 401 otherwise. */
    public void signInApi(Context ctx) {
        JsonNode body = JsonBodies.object(ctx, json.mapper());
        try {
            UserStore.User user = signIn(ctx, JsonBodies.text(body, "user"), JsonBodies.text(body, "password"));
            ctx.json(new SessionView(user.name(), user.role()));
        } catch (InvalidParameterException e) {
            ctx.status(HttpStatus.UNAUTHORIZED).json(java.util.Map.of("error", e.getMessage()));
        }
    }

    /** {@code GET /api/session}: who is signed in. */
    public void session(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        ctx.json(new SessionView(viewer.name(), viewer.role()));
    }

    /** {@code DELETE /api/session} and {@code POST /sign-out}: ends this session at once. */
    public void signOut(Context ctx) {
        sessions.revoke(ctx.cookie(AccessControl.COOKIE));
        ctx.removeCookie(AccessControl.COOKIE, "/");
        if (ctx.path().startsWith("/api/")) {
            ctx.status(HttpStatus.NO_CONTENT);
        } else {
            ctx.redirect("/sign-in", HttpStatus.SEE_OTHER);
        }
    }

    /** {@code GET /account/password}. */
    public void passwordPage(Context ctx) {
        String name = signedIn(ctx);
        boolean oneTime =
                users.find(name).map(UserStore.User::mustChangePassword).orElse(false);
        ctx.html(templates.render("account/password.jte", new PasswordPage(name, oneTime, "")));
    }

    /** {@code POST /account/password}: the new password, twice. */
    public void passwordForm(Context ctx) {
        String name = signedIn(ctx);
        String password = ctx.formParam("password");
        try {
            if (password == null || !password.equals(ctx.formParam("repeat"))) {
                throw new InvalidParameterException("repeat", "the two passwords differ");
            }
            users.changePassword(name, password);
            ctx.redirect("/", HttpStatus.SEE_OTHER);
        } catch (InvalidParameterException e) {
            ctx.status(HttpStatus.BAD_REQUEST)
                    .html(templates.render("account/password.jte", new PasswordPage(name, true, e.getMessage())));
        }
    }

    /** {@code GET /users}: the teacher's accounts page. */
    public void usersPage(Context ctx) {
        requireTeacher(ctx);
        ctx.html(templates.render("account/users.jte", new UsersPage(userRows(), List.of(), "")));
    }

    /** {@code POST /users}: adds the pasted names, each with a one-time password shown once. */
    public void usersForm(Context ctx) {
        requireTeacher(ctx);
        String raw = ctx.formParam("names") == null ? "" : ctx.formParam("names");
        Role role = role(ctx.formParam("role"));
        List<KeyValue> created = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : Arrays.stream(raw.split("[,\\n\\r]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList()) {
            try {
                created.add(new KeyValue(name, users.add(name, role, null)));
            } catch (RuntimeException e) {
                problems.add(name + ": " + e.getMessage());
            }
        }
        ctx.status(problems.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                .html(templates.render(
                        "account/users.jte", new UsersPage(userRows(), created, String.join("; ", problems))));
    }

    /** {@code POST /api/users}: {@code {"name","role"}} -> 201 with a one-time password. */
    public void createUser(Context ctx) {
        requireTeacher(ctx);
        JsonNode body = JsonBodies.object(ctx, json.mapper());
        String name = JsonBodies.text(body, "name");
        Role role = role(JsonBodies.text(body, "role"));
        String password = users.add(name, role, null);
        ctx.status(HttpStatus.CREATED).json(new NewUserView(name, role, password));
    }

    /** {@code POST /api/users/{name}/reset} (teacher): a new one-time password, and every session of the account ends. */
    public void resetUser(Context ctx) {
        requireTeacher(ctx);
        String name = ctx.pathParam("name");
        String password = users.reset(name);
        sessions.revokeAll(AccessControl.USER_SUBJECT + name);
        ctx.json(new NewUserView(name, users.find(name).orElseThrow().role(), password));
    }

    /** {@code POST /users/{name}/reset} (teacher, the Accounts page's button). */
    public void resetUserForm(Context ctx) {
        requireTeacher(ctx);
        String name = ctx.pathParam("name");
        String password = users.reset(name);
        sessions.revokeAll(AccessControl.USER_SUBJECT + name);
        ctx.html(templates.render(
                "account/users.jte", new UsersPage(userRows(), List.of(new KeyValue(name, password)), "")));
    }

    /** {@code GET /api/users}. */
    public void listUsers(Context ctx) {
        requireTeacher(ctx);
        ctx.json(users.all().stream()
                .map(u -> new SessionView(u.name(), u.role()))
                .toList());
    }

    private UserStore.User signIn(Context ctx, String name, String password) {
        String who = name == null ? "" : name.strip();
        String from = "address:" + ctx.ip();
        Duration nameWait = byName.waitFor(who);
        Duration addressWait = byAddress.waitFor(from);
        Duration wait = nameWait.compareTo(addressWait) >= 0 ? nameWait : addressWait;
        if (!wait.isZero()) {
            ctx.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
            throw new QuotaExceededException(
                    "too many failed sign-ins; try again in " + Math.max(1, wait.toSeconds()) + " s",
                    (int) Math.max(1, wait.toSeconds()));
        }
        Optional<UserStore.User> user = users.authenticate(who, password);
        if (user.isEmpty()) {
            byName.failed(who);
            byAddress.failed(from);
            throw new InvalidParameterException("password", "that name and password do not match an account");
        }
        byName.succeeded(who);
        ctx.cookie(AccessControl.sessionCookie(
                ctx, sessions.create(AccessControl.USER_SUBJECT + user.get().name())));
        return user.get();
    }

    private List<KeyValue> userRows() {
        return users.all().stream()
                .map(u -> new KeyValue(u.name(), u.role().name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private static String signedIn(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        if (viewer.name() == null) {
            throw new ForbiddenException("sign in with an account to set a password");
        }
        return viewer.name();
    }

    private static void requireTeacher(Context ctx) {
        if (!Viewer.of(ctx).isTeacher()) {
            throw new ForbiddenException("only a teacher manages accounts");
        }
    }

    private static Role role(String raw) {
        if (raw == null || raw.isBlank()) {
            return Role.STUDENT;
        }
        try {
            return Role.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("role", "role must be teacher or student, got '" + raw + "'");
        }
    }

    /** Only this server's own pages are places to go next, never another site. */
    private static String next(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
    }
}
