package io.mmq.persistence;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import io.mmq.core.engagement.port.out.Engagements;
import io.mmq.core.label.port.out.Labels;
import io.mmq.core.registry.port.out.ModelRegistry;
import io.mmq.core.resource.port.out.Resources;
import io.mmq.core.task.port.out.TaskSets;
import io.mmq.core.training.port.out.TrainingJobs;
import io.mmq.core.validation.port.out.ValidationRuns;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Binds every repository port of the core to its JDBC implementation over a data source that the
 * application opened (see {@link Database}). Bindings only: no I/O. The data source itself is not
 * bound, so the application may bind it for its own use.
 */
public final class PersistenceModule extends AbstractModule {
  private final DataSource dataSource;
  private final int fetchSize;
  private final int batchSize;

  /** Over the database's pool, with its fetch and batch sizes. */
  public PersistenceModule(Database database) {
    this(
        Objects.requireNonNull(database, "database is null").dataSource(),
        database.config().fetchSize(),
        database.config().batchSize());
  }

  /** Over any data source, with the default fetch and batch sizes. */
  public PersistenceModule(DataSource dataSource) {
    this(dataSource, DatabaseConfig.DEFAULT_FETCH_SIZE, DatabaseConfig.DEFAULT_BATCH_SIZE);
  }

  private PersistenceModule(DataSource dataSource, int fetchSize, int batchSize) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource is null");
    this.fetchSize = fetchSize;
    this.batchSize = batchSize;
  }

  @Override
  protected void configure() {
    bind(Jdbc.class).toInstance(new Jdbc(dataSource, fetchSize, batchSize));
    bind(Resources.class).to(JdbcResources.class).in(Scopes.SINGLETON);
    bind(Engagements.class).to(JdbcEngagements.class).in(Scopes.SINGLETON);
    bind(Labels.class).to(JdbcLabels.class).in(Scopes.SINGLETON);
    bind(TaskSets.class).to(JdbcTaskSets.class).in(Scopes.SINGLETON);
    bind(ModelRegistry.class).to(JdbcModelRegistry.class).in(Scopes.SINGLETON);
    bind(TrainingJobs.class).to(JdbcTrainingJobs.class).in(Scopes.SINGLETON);
    bind(ValidationRuns.class).to(JdbcValidationRuns.class).in(Scopes.SINGLETON);
  }
}
