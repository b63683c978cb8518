package dev.lectern.server.account;

import dev.lectern.server.Settings;
import dev.lectern.server.SettingsParser;
import dev.lectern.server.access.Role;
import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code lectern user add --teacher NAME} (or {@code --student}): adds an account from the command line, the way the
 * first teacher is made. The password is read from standard input when it is not a terminal, asked for twice on a
 * terminal, and generated (and printed once) when left empty.
 */
public final class UserCommand {

    private UserCommand() {}

    /**
     * Runs the command.
     *
     * @param args what follows {@code user}: {@code add --teacher|--student NAME} and server flags such as --data-dir
     * @param env the environment
     * @param in standard input
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("add")) {
            err.println("usage: lectern user add --teacher|--student NAME [--data-dir DIR | --jdbc-url URL]");
            return 2;
        }
        Role role = null;
        String name = null;
        List<String> serverFlags = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--teacher" -> role = Role.TEACHER;
                case "--student" -> role = Role.STUDENT;
                default -> {
                    if (args[i].startsWith("--")) {
                        serverFlags.add(args[i]);
                        if (!args[i].contains("=") && i + 1 < args.length) {
                            serverFlags.add(args[++i]);
                        }
                    } else if (name == null) {
                        name = args[i];
                    } else {
                        err.println("lectern: one name at a time, got '" + name + "' and '" + args[i] + "'");
                        return 2;
                    }
                }
            }
        }
        if (role == null || name == null) {
            err.println("usage: lectern user add --teacher|--student NAME [--data-dir DIR | --jdbc-url URL]");
            return 2;
        }
        Settings settings;
        try {
            settings = new SettingsParser(env).parse(serverFlags.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            err.println("lectern: " + e.getMessage());
            return 2;
        }
        String password;
        try {
            password = password(in, err);
        } catch (IOException e) {
            err.println("lectern: cannot read the password: " + e.getMessage());
            return 1;
        }
        try (Database database = Database.open(settings.jdbcUrl())) {
            String given = new UserStore(new Jdbc(database.dataSource())).add(name, role, password);
            out.println("added " + role.name().toLowerCase(java.util.Locale.ROOT) + " " + name
                    + (password == null
                            ? " with the one-time password " + given + " (shown once; changed at first sign-in)"
                            : ""));
            return 0;
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (message.contains("Database may be already in use") || message.contains("locked by another process")) {
                message =
                        "the database is in use by a running Lectern; add accounts on its Accounts page, or stop it first";
            }
            err.println("lectern: " + message.lines().findFirst().orElse(message));
            return 1;
        }
    }

    /** The password to set, or null to generate one. */
    private static String password(InputStream in, PrintStream err) throws IOException {
        Console console = System.console();
        if (console != null && in == System.in) {
            char[] first = console.readPassword("Password (empty: generate a one-time password): ");
            if (first == null || first.length == 0) {
                return null;
            }
            char[] second = console.readPassword("The same again: ");
            if (second == null || !new String(first).equals(new String(second))) {
                throw new IOException("the two passwords differ");
            }
            return new String(first);
        }
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        return line == null || line.isEmpty() ? null : line;
    }
}
