package db.migration;

import dev.lectern.server.experiment.RunParamIndex;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Runs grouped by their settings (issue #18): each run's hyperparameters as rows, so the runs table filters
 * ({@code epochs>100}), sorts and groups by them in the database, with numbers compared as numbers on H2 and
 * PostgreSQL alike. The table is portable SQL; the rows of the runs already stored come from their
 * {@code params_json}, which only Java reads the same way on both databases, hence a Java migration.
 */
public class V20__Run_params extends BaseJavaMigration {

    private static final int BATCH = 1_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE run_params ("
                    + " experiment_id BIGINT NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,"
                    + " name VARCHAR(100) NOT NULL,"
                    + " text_value VARCHAR(" + RunParamIndex.MAX_TEXT + ") NOT NULL,"
                    + " number_value DOUBLE PRECISION,"
                    + " PRIMARY KEY (experiment_id, name))");
            // Filters look a name's values up across runs; numbers by range.
            s.execute("CREATE INDEX run_params_by_number ON run_params (name, number_value)");
            s.execute("CREATE INDEX run_params_by_text ON run_params (name, text_value)");
        }
        try (Statement read = c.createStatement();
                ResultSet rs = read.executeQuery("SELECT id, params_json FROM experiments ORDER BY id");
                PreparedStatement write = c.prepareStatement(RunParamIndex.INSERT)) {
            int pending = 0;
            while (rs.next()) {
                for (Object[] row : RunParamIndex.rows(rs.getLong(1), rs.getString(2))) {
                    for (int i = 0; i < row.length; i++) {
                        write.setObject(i + 1, row[i]);
                    }
                    write.addBatch();
                    if (++pending % BATCH == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
    }
}
