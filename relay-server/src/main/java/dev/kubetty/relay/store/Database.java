package dev.kubetty.relay.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's PostgreSQL: a small connection pool (HikariCP, at most 4 connections), the schema
 * migrated by Flyway ({@code db/migration}) and a {@link Jdbi} with the SqlObject plugin.
 *
 * <p>{@link #open} starts an embedded server when the config says so, and blocks until the schema
 * is current. Connections time out after 2 s and statements after 10 s of socket silence, so a dead
 * database surfaces as an exception rather than a hang. Thread-safe; {@link #close} closes the pool
 * and stops the embedded server, if any.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final EmbeddedDatabase embedded;

  private Database(HikariDataSource pool, EmbeddedDatabase embedded) {
    this.pool = pool;
    this.embedded = embedded;
    this.jdbi =
        Jdbi.create(pool).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
  }

  /** Connects to (or starts) the configured database and migrates it. */
  public static Database open(DatabaseConfig config) {
    if (config instanceof DatabaseConfig.Embedded e) {
      EmbeddedDatabase server = EmbeddedDatabase.start(e.clusterDirectory());
      try {
        return connect(server.jdbcUrl(), server.user(), null, server);
      } catch (RuntimeException failure) {
        server.close();
        throw failure;
      }
    }
    DatabaseConfig.External x = (DatabaseConfig.External) config;
    return connect(x.jdbcUrl(), x.user(), x.password(), null);
  }

  /**
   * Like {@link #open}, for tools that run beside a relay ({@code kubetty-relay users}): when the
   * configured embedded cluster is already served by a running relay, connects to that server
   * instead of starting (and so stopping) it.
   */
  public static Database openBeside(DatabaseConfig config) {
    if (config instanceof DatabaseConfig.Embedded e) {
      var running = EmbeddedDatabase.runningPort(e.clusterDirectory());
      if (running.isPresent()) {
        return connect(
            "jdbc:postgresql://127.0.0.1:" + running.getAsInt() + "/postgres",
            "postgres",
            null,
            null);
      }
    }
    return open(config);
  }

  /**
   * Connects to {@code jdbcUrl} and migrates it; {@code embedded}, if not null, is stopped by
   * {@link #close}.
   */
  public static Database connect(
      String jdbcUrl, String user, String password, EmbeddedDatabase embedded) {
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(poolConfig(jdbcUrl, user, password));
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to PostgreSQL at " + safeUrl(jdbcUrl), e);
    }
    try {
      var result = Flyway.configure().dataSource(pool).load().migrate();
      log.info("database {} schema version {}", safeUrl(jdbcUrl), result.targetSchemaVersion);
      return new Database(pool, embedded);
    } catch (RuntimeException e) {
      pool.close();
      throw new StoreException("cannot migrate the schema at " + safeUrl(jdbcUrl), e);
    }
  }

  private static HikariConfig poolConfig(String jdbcUrl, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("kubetty-store");
    config.setJdbcUrl(jdbcUrl);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(2_000);
    config.setValidationTimeout(1_000);
    config.addDataSourceProperty("connectTimeout", "2");
    config.addDataSourceProperty("socketTimeout", "10");
    config.addDataSourceProperty("tcpKeepAlive", "true");
    config.addDataSourceProperty("ApplicationName", "kubetty-relay");
    return config;
  }

  /** The URL without its query string, which may carry a password. */
  static String safeUrl(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
  }

  /** Jdbi over the pool, with SqlObject and PostgreSQL support installed. */
  public Jdbi jdbi() {
    return jdbi;
  }

  /** The pooled data source. */
  public DataSource dataSource() {
    return pool;
  }

  /**
   * A connection of its own, outside the pool, with the pool's URL, credentials and timeouts; the
   * caller closes it. For state that lives as long as a connection (advisory locks).
   *
   * @throws SQLException if the server cannot be reached
   */
  Connection openDedicatedConnection() throws SQLException {
    Properties properties = new Properties();
    properties.putAll(pool.getDataSourceProperties());
    if (pool.getUsername() != null) {
      properties.setProperty("user", pool.getUsername());
    }
    if (pool.getPassword() != null) {
      properties.setProperty("password", pool.getPassword());
    }
    return DriverManager.getConnection(pool.getJdbcUrl(), properties);
  }

  /** Closes the pool, then stops the embedded server if this database started one. */
  @Override
  public void close() {
    pool.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
