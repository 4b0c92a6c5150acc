package dev.ebayalerts.testing.compose;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the postgres image does for a compose service on first start, done on a test's own server:
 * so a service can be started with compose's JDBC URL, user and password, only the host moved.
 */
public final class PostgresImage {

  private PostgresImage() {}

  /** {@code jdbcUrl} with host and port of {@code serverJdbcUrl}; database and options kept. */
  public static String onServer(String jdbcUrl, String serverJdbcUrl) {
    URI server = URI.create(serverJdbcUrl.substring("jdbc:".length()));
    return jdbcUrl.replaceFirst("//[^/]+/", "//" + server.getHost() + ":" + server.getPort() + "/");
  }

  /**
   * The database a JDBC URL names: {@code alerts} in {@code
   * jdbc:postgresql://alerts-db:5432/alerts}.
   */
  public static String database(String jdbcUrl) {
    return URI.create(jdbcUrl.substring("jdbc:".length())).getPath().substring(1);
  }

  /**
   * Creates the database {@code POSTGRES_DB} owned by {@code POSTGRES_USER} with {@code
   * POSTGRES_PASSWORD}, unless they exist, connecting as the server's superuser.
   */
  public static void initialize(
      String serverJdbcUrl,
      String superuser,
      String superuserPassword,
      String database,
      String user,
      String password) {
    try (Connection connection =
            DriverManager.getConnection(serverJdbcUrl, superuser, superuserPassword);
        Statement sql = connection.createStatement()) {
      if (!exists(connection, "select 1 from pg_roles where rolname = ?", user)) {
        sql.execute(
            "create role \"" + user + "\" login password '" + password.replace("'", "''") + "'");
      }
      if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
        sql.execute("create database \"" + database + "\" owner \"" + user + "\"");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + database, e);
    }
  }

  private static boolean exists(Connection connection, String query, String name)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      statement.setString(1, name);
      return statement.executeQuery().next();
    }
  }
}
