package dev.lectern.server.store;

import dev.lectern.server.Settings;
import dev.lectern.server.SettingsParser;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code lectern move --to JDBC_URL [--data-dir D]}: copies the embedded H2 history of a data directory into an empty
 * PostgreSQL database, which the server then opens with {@code --jdbc-url} (same data directory, for the artifacts).
 */
public final class MoveCommand {

    private MoveCommand() {}

    /**
     * Runs the command.
     *
     * @param args {@code --to URL} and server flags such as {@code --data-dir} (the source is their database)
     * @param env the environment
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String to = null;
        List<String> serverFlags = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--to") && i + 1 < args.length) {
                to = args[++i];
            } else if (args[i].startsWith("--to=")) {
                to = args[i].substring(5);
            } else {
                serverFlags.add(args[i]);
            }
        }
        if (to == null) {
            err.println("usage: lectern move --to jdbc:postgresql://HOST/DB?user=U&password=P [--data-dir DIR]");
            return 2;
        }
        Settings settings;
        try {
            settings = new SettingsParser(env).parse(serverFlags.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            err.println("lectern: " + e.getMessage());
            return 2;
        }
        if (settings.jdbcUrl().equals(to)) {
            err.println("lectern: --to names the database the history is already in");
            return 2;
        }
        try (Database source = Database.open(settings.jdbcUrl());
                Database target = Database.open(to)) {
            Map<String, Long> copied = HistoryMove.copy(source.dataSource(), target.dataSource());
            out.println("moved the history of " + settings.dataDir() + ":");
            copied.forEach((table, rows) -> out.printf("  %-26s %d rows%n", table, rows));
            out.println(
                    "start the server with --jdbc-url and the same --data-dir (its artifacts and uploads stay there)");
            return 0;
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (message.contains("Database may be already in use") || message.contains("locked by another process")) {
                message = "the H2 database is in use by a running Lectern; stop it first";
            }
            err.println("lectern: " + message.lines().findFirst().orElse(message));
            return 1;
        }
    }
}
