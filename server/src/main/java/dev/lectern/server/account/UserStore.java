package dev.lectern.server.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.server.ConflictException;
import dev.lectern.server.access.Role;
import dev.lectern.server.store.Jdbc;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Accounts and their passwords, hashed with Argon2id (password4j). */
public final class UserStore {

    /**
     * An account.
     *
     * @param name its name
     * @param role its role
     * @param mustChangePassword whether it still has a one-time password
     */
    public record User(String name, Role role, boolean mustChangePassword) {}

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int MIN_PASSWORD = 8;
    /** OWASP's Argon2id minimum: 19 MiB, 2 passes, 1 lane. */
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    private final Jdbc jdbc;
    private final SecureRandom random = new SecureRandom();

    /**
     * Creates the store.
     *
     * @param jdbc the database
     */
    public UserStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds an account.
     *
     * @param name its name: letters, digits, dots, dashes, underscores
     * @param role its role
     * @param password its password, or null to generate a one-time password
     * @return the password given or generated
     * @throws InvalidParameterException naming {@code name} or {@code password}
     * @throws ConflictException when the name is taken
     */
    public String add(String name, Role role, String password) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidParameterException(
                    "name",
                    "a user name has 1 to 40 letters, digits, dots, dashes or "
                            + "underscores and starts with a letter or digit");
        }
        if (find(name).isPresent()) {
            throw new ConflictException("there is already a user named '" + name + "'");
        }
        boolean generated = password == null;
        String secret = generated ? generate() : password;
        checkStrength(secret);
        jdbc.update(
                "INSERT INTO users (name, role, password_hash, must_change_password, created_at) VALUES (?, ?, ?, ?, ?)",
                name,
                role.name(),
                hash(secret),
                generated,
                OffsetDateTime.now(ZoneOffset.UTC));
        return secret;
    }

    /**
     * Checks a password.
     *
     * @param name the account
     * @param password what was typed
     * @return the account when the password is right
     */
    public Optional<User> authenticate(String name, String password) {
        if (name == null || password == null) {
            return Optional.empty();
        }
        Optional<String> stored =
                jdbc.queryOne("SELECT password_hash FROM users WHERE name = ?", rs -> rs.getString(1), name);
        if (stored.isEmpty()
                || !Password.check(password, stored.get()).with(Argon2Function.getInstanceFromHash(stored.get()))) {
            return Optional.empty();
        }
        return find(name);
    }

    /**
     * Sets a new password and clears the one-time mark.
     *
     * @param name the account
     * @param password the new password
     */
    public void changePassword(String name, String password) {
        checkStrength(password);
        jdbc.update(
                "UPDATE users SET password_hash = ?, must_change_password = FALSE WHERE name = ?",
                hash(password),
                name);
    }

    /**
     * Gives an account a new one-time password, to be changed at the next sign-in.
     *
     * @param name the account
     * @return the one-time password
     * @throws dev.lectern.server.NotFoundException when there is no such account
     */
    public String reset(String name) {
        if (find(name).isEmpty()) {
            throw new dev.lectern.server.NotFoundException("there is no user named '" + name + "'");
        }
        String secret = generate();
        jdbc.update(
                "UPDATE users SET password_hash = ?, must_change_password = TRUE WHERE name = ?", hash(secret), name);
        return secret;
    }

    /** Finds an account by name. */
    public Optional<User> find(String name) {
        return jdbc.queryOne(
                "SELECT name, role, must_change_password FROM users WHERE name = ?",
                rs -> new User(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getBoolean(3)),
                name);
    }

    /** Every account, teachers first, then by name. */
    public List<User> all() {
        return jdbc.query(
                "SELECT name, role, must_change_password FROM users ORDER BY role DESC, name",
                rs -> new User(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getBoolean(3)));
    }

    /** Whether any account exists. */
    public boolean any() {
        return jdbc.queryOne("SELECT COUNT(*) FROM users", rs -> rs.getLong(1)).orElse(0L) > 0;
    }

    private static void checkStrength(String password) {
        if (password.length() < MIN_PASSWORD) {
            throw new InvalidParameterException("password", "a password has at least " + MIN_PASSWORD + " characters");
        }
    }

    private static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    private String generate() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            if (i == 3 || i == 7) {
                out.append('-');
            }
        }
        return out.toString();
    }
}
