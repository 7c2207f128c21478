package io.github.csbscontract.examples.sql;

import java.sql.SQLException;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.tools.Server;

/**
 * An H2 database in server mode for one test class: a TCP server on 127.0.0.1 at a free port
 * ({@code h2.bindAddress}, set by Surefire), an in-memory database behind it, and a pool of JDBC
 * connections to it, as the service would have to a database on another machine.
 */
final class Database implements AutoCloseable {

  final Server tcp;
  final JdbcConnectionPool pool;

  private Database(Server tcp, JdbcConnectionPool pool) {
    this.tcp = tcp;
    this.pool = pool;
  }

  /** An empty database; its in-memory data outlive the TCP server, so each gets its own name. */
  static Database start(String name) throws SQLException {
    Server tcp = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
    String url = "jdbc:h2:tcp://127.0.0.1:" + tcp.getPort() + "/mem:" + name + "-" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1";
    JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
    SqlInventory.createSchema(pool);
    return new Database(tcp, pool);
  }

  /** The database goes away: every connection to it breaks, and new ones are refused. */
  void stop() {
    tcp.stop();
  }

  @Override
  public void close() {
    pool.dispose();
    tcp.stop();
  }
}
