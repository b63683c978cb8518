package dev.lectern.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The pooled database, migrated to the newest schema when opened. */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Opens the pool and applies pending migrations: the portable ones in {@code db/migration}, and the few that
     * cannot be portable from {@code db/vendor/h2} or {@code db/vendor/postgresql}.
     *
     * <p>Why vendor folders: a migration applied to users' H2 files cannot change (Flyway refuses a database whose
     * applied script's checksum differs, and the checksum is the script's text, not its place), and V5's
     * {@code AUTO_INCREMENT} is H2 syntax. So V5 lives once per database, the H2 text unchanged; every other
     * migration is written once, in portable SQL ({@code MigrationsTest} checks the vendor folders match).
     *
     * @param jdbcUrl the database URL: H2 ({@code jdbc:h2:...}, user {@code sa}, no password) or PostgreSQL
     *     ({@code jdbc:postgresql://host:port/db?user=...&password=...})
     * @return the open database
     */
    public static Database open(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("lectern");
        config.setMaximumPoolSize(8);
        boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            config.setUsername("sa");
            config.setPassword("");
        }
        if (postgres) {
            // User and password come with the URL. Batches of metric points become multi-row INSERTs.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            // Thirty machines share one server's connections (100 by default): a node keeps one open when idle, not
            // eight, and gives the extra ones back after a minute.
            config.setMinimumIdle(1);
            config.setIdleTimeout(60_000);
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(
                            "classpath:db/migration",
                            postgres ? "classpath:db/vendor/postgresql" : "classpath:db/vendor/h2")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource);
    }

    /** Returns the pooled data source. */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
