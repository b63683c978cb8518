package dev.lectern.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@link Settings} from command-line flags, falling back to environment variables, then defaults. */
public final class SettingsParser {

    private static final Set<String> NAMES = Set.of(
            "port",
            "host",
            "data-dir",
            "jdbc-url",
            "dataset-mirror",
            "plugins-dir",
            "concurrency",
            "device",
            "token",
            "time-limit",
            "max-upload-mb",
            "dataset-cache",
            "public-url",
            "allowed-hosts",
            "max-queued",
            "max-run-examples",
            "accounts",
            "max-queued-per-user",
            "pause-limit",
            "name",
            "worker-timeout");

    /** Flags that may stand alone, meaning "on". */
    private static final Set<String> SWITCHES = Set.of("accounts");

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*([smhd])?");

    private final Map<String, String> env;

    /**
     * Creates a parser.
     *
     * @param env the environment, normally {@link System#getenv()}
     */
    public SettingsParser(Map<String, String> env) {
        this.env = env;
    }

    /**
     * Parses flags of the form {@code --name value} or {@code --name=value}.
     *
     * @param args the command line
     * @return the settings
     * @throws IllegalArgumentException naming the bad flag or value
     */
    public Settings parse(String... args) {
        Map<String, String> flags = flags(args);
        int port = integer(flags, "port", 7070, 0, 65535);
        String host = text(flags, "host", "127.0.0.1");
        Path dataDir = Path.of(text(flags, "data-dir", "data")).toAbsolutePath().normalize();
        String jdbcUrl = text(flags, "jdbc-url", "jdbc:h2:file:" + dataDir.resolve("lectern"));
        Optional<Path> mirror = Optional.ofNullable(value(flags, "dataset-mirror"))
                .filter(s -> !s.isBlank())
                .map(s -> Path.of(s).toAbsolutePath().normalize());
        Path pluginsDir = Path.of(
                        text(flags, "plugins-dir", dataDir.resolve("plugins").toString()))
                .toAbsolutePath()
                .normalize();
        int concurrency = integer(flags, "concurrency", 1, 0, 64);
        if (concurrency == 0 && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "--concurrency 0 makes a node that trains nothing; its runs need workers, "
                            + "which share a PostgreSQL database: set --jdbc-url jdbc:postgresql://... (see README, "
                            + "\"A class on several machines\")");
        }
        String device = text(flags, "device", "auto").toLowerCase(Locale.ROOT);
        if (!device.matches("auto|cpu|gpu(:\\d+)?")) {
            throw new IllegalArgumentException("--device must be auto, cpu, gpu or gpu:N, got '" + device + "'");
        }
        Optional<String> token = Optional.ofNullable(value(flags, "token")).filter(s -> !s.isBlank());
        boolean accounts = bool(flags, "accounts");
        if (token.isEmpty() && !accounts && !isLoopback(host)) {
            throw new IllegalArgumentException(
                    "--host " + host + " exposes Lectern beyond this machine: turn on --accounts "
                            + "(people sign in) or set --token (or LECTERN_ACCOUNTS / LECTERN_TOKEN)");
        }
        Duration timeLimit = duration("time-limit", text(flags, "time-limit", "24h"));
        int maxUploadMb = integer(flags, "max-upload-mb", 20, 1, 2048);
        Path datasetCache = Path.of(
                        text(flags, "dataset-cache", dataDir.resolve("datasets").toString()))
                .toAbsolutePath()
                .normalize();
        Optional<String> publicUrl = Optional.ofNullable(value(flags, "public-url"))
                .filter(s -> !s.isBlank())
                .map(SettingsParser::publicUrl);
        List<String> allowedHosts = allowedHosts(value(flags, "allowed-hosts"), host, publicUrl);
        int maxQueued = integer(flags, "max-queued", 500, 1, 1_000_000);
        long maxRunExamples = integer(flags, "max-run-examples", 20_000_000, 1, Integer.MAX_VALUE);
        int maxQueuedPerUser = integer(flags, "max-queued-per-user", 20, 1, 1_000_000);
        Duration pauseLimit = duration("pause-limit", text(flags, "pause-limit", "30m"));
        String name = text(flags, "name", defaultName());
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}")) {
            throw new IllegalArgumentException("--name must be 1 to 100 letters, digits, '.', '_', '@' or '-', "
                    + "starting with a letter or digit, got '" + name + "'");
        }
        Duration workerTimeout = duration("worker-timeout", text(flags, "worker-timeout", "30s"));
        if (workerTimeout.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("--worker-timeout must be at least 3s (nodes beat every second), got "
                    + text(flags, "worker-timeout", ""));
        }
        return new Settings(
                port,
                host,
                dataDir,
                jdbcUrl,
                mirror,
                pluginsDir,
                concurrency,
                device,
                token,
                timeLimit,
                maxUploadMb,
                datasetCache,
                publicUrl,
                allowedHosts,
                maxQueued,
                maxRunExamples,
                accounts,
                maxQueuedPerUser,
                pauseLimit,
                name,
                workerTimeout);
    }

    private static String publicUrl(String raw) {
        String url = raw.trim();
        try {
            URI uri = new URI(url);
            if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        "--public-url must be an http(s) address such as https://lectern.example.edu/, got '" + raw
                                + "'");
            }
            return url.endsWith("/") ? url : url + "/";
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--public-url is not an address: " + e.getMessage(), e);
        }
    }

    /**
     * The names a request's Host header may carry: the configured list, or by default the bound address, the
     * loopback names and the public URL's host; bound to every interface, also this machine's names and addresses.
     */
    private static List<String> allowedHosts(String configured, String host, Optional<String> publicUrl) {
        Set<String> hosts = new LinkedHashSet<>();
        if (configured != null && !configured.isBlank()) {
            for (String name : configured.split(",")) {
                if (!name.isBlank()) {
                    hosts.add(name.trim().toLowerCase(Locale.ROOT));
                }
            }
            return List.copyOf(hosts);
        }
        hosts.add(host.toLowerCase(Locale.ROOT));
        hosts.addAll(List.of("localhost", "127.0.0.1", "::1"));
        publicUrl.ifPresent(url -> hosts.add(URI.create(url).getHost().toLowerCase(Locale.ROOT)));
        if (host.equals("0.0.0.0") || host.equals("::")) {
            try {
                hosts.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
                for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                        String text = address.getHostAddress();
                        int zone = text.indexOf('%');
                        hosts.add((zone >= 0 ? text.substring(0, zone) : text).toLowerCase(Locale.ROOT));
                    }
                }
            } catch (IOException e) {
                // Only the names above then; --allowed-hosts lists more.
            }
        }
        hosts.remove("0.0.0.0");
        hosts.remove("::");
        return List.copyOf(hosts);
    }

    private static String defaultName() {
        try {
            String host = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._@-]", "-");
            return host.isEmpty() || !Character.isLetterOrDigit(host.charAt(0)) ? "lectern" : host;
        } catch (IOException e) {
            return "lectern";
        }
    }

    static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; flags look like --port 7070");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (SWITCHES.contains(name) && (i + 1 >= args.length || args[i + 1].startsWith("--"))) {
                value = "on";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("flag --" + name + " needs a value");
            }
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown flag --" + name + "; known: "
                        + String.join(", ", NAMES.stream().sorted().toList()));
            }
            flags.put(name, value);
        }
        return flags;
    }

    /** Reads durations such as 90s, 30m, 24h or 2d; a bare number means seconds. */
    private static Duration duration(String name, String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("--" + name + " must look like 90s, 30m, 24h or 2d, got '" + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (d.isZero()) {
            throw new IllegalArgumentException("--" + name + " must be longer than zero");
        }
        return d;
    }

    private String value(Map<String, String> flags, String name) {
        if (flags.containsKey(name)) {
            return flags.get(name);
        }
        return env.get("LECTERN_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private String text(Map<String, String> flags, String name, String fallback) {
        String v = value(flags, name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private boolean bool(Map<String, String> flags, String name) {
        String v = value(flags, name);
        if (v == null || v.isBlank()) {
            return false;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> true;
            case "false", "off", "no", "0" -> false;
            default -> throw new IllegalArgumentException("--" + name + " must be on or off, got '" + v + "'");
        };
    }

    private int integer(Map<String, String> flags, String name, int fallback, int min, int max) {
        String v = value(flags, name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(v.trim());
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(
                        "--" + name + " must be between " + min + " and " + max + ", got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + v + "'", e);
        }
    }
}
