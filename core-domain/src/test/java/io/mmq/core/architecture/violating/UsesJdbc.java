package io.mmq.core.architecture.violating;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A deliberately bad class, test-only: a "domain" class that talks JDBC. {@link
 * io.mmq.core.architecture.CoreIsFrameworkFreeTest} proves its rule catches it.
 */
public final class UsesJdbc {
  private UsesJdbc() {}

  public static boolean isOpen(Connection connection) throws SQLException {
    return !connection.isClosed();
  }
}
