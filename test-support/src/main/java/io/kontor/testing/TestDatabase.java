package io.kontor.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What a test looks up behind the application's back in its database, e.g. whether personal data is really gone. */
public final class TestDatabase {

    private TestDatabase() {}

    /**
     * Names of the tables in the current schema that have a row whose text contains {@code value} (case-insensitive),
     * in any column: erased or encrypted data must be in none of them.
     */
    public static List<String> tablesMentioning(DataSource dataSource, String value) {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> all = new ArrayList<>();
            try (ResultSet rows = connection
                    .createStatement()
                    .executeQuery("select table_name from information_schema.tables"
                            + " where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    all.add(rows.getString(1));
                }
            }
            for (String table : all) {
                try (PreparedStatement search = connection.prepareStatement(
                        "select count(*) from \"" + table + "\" t where position(lower(?) in lower(t::text)) > 0")) {
                    search.setString(1, value);
                    try (ResultSet count = search.executeQuery()) {
                        count.next();
                        if (count.getLong(1) > 0) {
                            tables.add(table);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }
}
