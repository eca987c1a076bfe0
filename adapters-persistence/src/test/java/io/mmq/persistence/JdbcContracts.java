package io.mmq.persistence;

import static io.mmq.core.testing.builder.EngagementRecordBuilder.anEngagementRecord;
import static io.mmq.core.testing.builder.ModelRecordBuilder.aModelRecord;
import static io.mmq.core.testing.builder.ResourceBuilder.aResource;
import static io.mmq.core.testing.builder.TrainingJobBuilder.aTrainingJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.engagement.port.out.Engagements;
import io.mmq.core.label.port.out.Labels;
import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.registry.port.out.ModelRegistry;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.resource.port.out.Resources;
import io.mmq.core.task.port.out.TaskSets;
import io.mmq.core.testing.builder.ModelRecordBuilder;
import io.mmq.core.testing.contract.EngagementsContract;
import io.mmq.core.testing.contract.LabelsContract;
import io.mmq.core.testing.contract.ModelRegistryContract;
import io.mmq.core.testing.contract.ResourcesContract;
import io.mmq.core.testing.contract.TaskSetsContract;
import io.mmq.core.testing.contract.TrainingJobsContract;
import io.mmq.core.testing.contract.ValidationRunsContract;
import io.mmq.core.training.model.TrainingJob;
import io.mmq.core.training.port.out.TrainingJobs;
import io.mmq.core.validation.port.out.ValidationRuns;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The core's repository contracts, plus what only a database can get wrong (a rejected row in a
 * batch, constraints, unreadable stored values, a second replica), run on one database: {@link
 * H2ContractsTest} and {@link PostgresContractsTest} say which.
 */
abstract class JdbcContracts {

  /** The open, migrated database of the subclass. */
  abstract Database database();

  /** The repositories' plumbing over an emptied database. */
  Jdbc emptyDatabase() {
    TestDatabases.clear(database().dataSource());
    return new Jdbc(database().dataSource(), 100, 1_000);
  }

  @Nested
  class ResourcesOnJdbc extends ResourcesContract {
    @Override
    protected Resources newResources() {
      return new JdbcResources(emptyDatabase());
    }
  }

  @Nested
  class EngagementsOnJdbc extends EngagementsContract {
    @Override
    protected Engagements newEngagements() {
      return new JdbcEngagements(emptyDatabase());
    }
  }

  @Nested
  class LabelsOnJdbc extends LabelsContract {
    @Override
    protected Labels newLabels() {
      return new JdbcLabels(emptyDatabase());
    }
  }

  @Nested
  class TaskSetsOnJdbc extends TaskSetsContract {
    @Override
    protected TaskSets newTaskSets() {
      return new JdbcTaskSets(emptyDatabase());
    }
  }

  @Nested
  class ModelRegistryOnJdbc extends ModelRegistryContract {
    @Override
    protected ModelRegistry newRegistry() {
      return new JdbcModelRegistry(emptyDatabase());
    }
  }

  @Nested
  class TrainingJobsOnJdbc extends TrainingJobsContract {
    @Override
    protected TrainingJobs newTrainingJobs() {
      return new JdbcTrainingJobs(emptyDatabase());
    }
  }

  @Nested
  class ValidationRunsOnJdbc extends ValidationRunsContract {
    @Override
    protected ValidationRuns newValidationRuns() {
      return new JdbcValidationRuns(emptyDatabase());
    }
  }

  /** A batch with one bad row is reported precisely and leaves nothing half-written. */
  @Nested
  class BatchFailures {
    private Jdbc jdbc;

    @BeforeEach
    void empty() {
      jdbc = emptyDatabase();
    }

    private EngagementRecord record(String resource, double ctr) {
      return anEngagementRecord()
          .forResource(resource)
          .onDay("2016-06-24")
          .withMetric("ctr", ctr)
          .build();
    }

    @Test
    void aRecordBeyondTheStoredTimeRangeIsNamedAndNothingIsStored() {
      Engagements engagements = new JdbcEngagements(jdbc);
      EngagementRecord stored = record("a-1", 0.01);
      engagements.recordAll(List.of(stored));
      EngagementRecord farFuture =
          anEngagementRecord()
              .forResource("a-4")
              .inWindow(
                  TimeWindow.of(
                      Instant.parse("2300-01-01T00:00:00Z"), Instant.parse("2300-01-02T00:00:00Z")))
              .build();
      List<EngagementRecord> batch =
          List.of(
              record("a-1", 0.99),
              record("a-2", 0.02),
              record("a-3", 0.03),
              farFuture,
              record("a-5", 0.05));

      assertThatThrownBy(() -> engagements.recordAll(batch))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("records[3] (resource a-4")
          .hasMessageContaining("2300-01-01T00:00:00Z")
          .hasMessageContaining("nothing was stored");
      assertThat(engagements.count()).isEqualTo(1);
      assertThat(engagements.findByResource(ResourceId.of("a-1"))).containsExactly(stored);
    }

    @Test
    void aRowTheDatabaseRejectsInALaterJdbcBatchIsNamedAndNothingIsStored() {
      Engagements engagements = new JdbcEngagements(jdbc);
      List<EngagementRecord> batch = new ArrayList<>();
      for (int i = 0; i < 2_500; i++) {
        batch.add(record(i == 1_537 ? "bad" : String.format("r-%05d", i), i / 1e4));
      }
      withConstraint(
          "ALTER TABLE engagements ADD CONSTRAINT test_reject CHECK (resource_id <> 'bad')",
          "ALTER TABLE engagements DROP CONSTRAINT test_reject",
          () ->
              assertThatThrownBy(() -> engagements.recordAll(batch))
                  .isInstanceOf(PersistenceException.class)
                  .hasMessageContaining("records[1537] (resource bad, window [2016-06-24T00:00:00Z")
                  .hasMessageContaining("test_reject")
                  .hasMessageContaining("nothing was stored"));

      assertThat(engagements.count()).isZero();
    }

    @Test
    void aRejectedResourceRollsBackTheUpdatesBeforeIt() {
      Resources resources = new JdbcResources(jdbc);
      resources.upsertAll(List.of(aResource().withId("a-1").withTitle("Old").build()));
      List<Resource> batch =
          List.of(
              aResource().withId("a-1").withTitle("New").build(),
              aResource().withId("a-2").build(),
              aResource().withId("a-3").withTitle("reject me").build());

      withConstraint(
          "ALTER TABLE resources ADD CONSTRAINT test_reject CHECK (title <> 'reject me')",
          "ALTER TABLE resources DROP CONSTRAINT test_reject",
          () ->
              assertThatThrownBy(() -> resources.upsertAll(batch))
                  .isInstanceOf(PersistenceException.class)
                  .hasMessageContaining("resources[2] (id a-3)")
                  .hasMessageContaining("nothing was stored"));

      assertThat(resources.count()).isEqualTo(1);
      assertThat(resources.find(ResourceId.of("a-1")).orElseThrow().title()).isEqualTo("Old");
    }

    private void withConstraint(String add, String drop, Runnable body) {
      TestDatabases.execute(database().dataSource(), add);
      try {
        body.run();
      } finally {
        TestDatabases.execute(database().dataSource(), drop);
      }
    }
  }

  /** Rules the database itself keeps, and stored values it cannot read back. */
  @Nested
  class DatabaseRules {
    private Jdbc jdbc;

    @BeforeEach
    void empty() {
      jdbc = emptyDatabase();
    }

    private ModelRegistry registryWith(ModelRecordBuilder... models) {
      ModelRegistry registry = new JdbcModelRegistry(jdbc);
      for (ModelRecordBuilder model : models) {
        registry.register(model.build(), model.artifact());
      }
      return registry;
    }

    @Test
    void theDatabaseRefusesASecondActiveModel() {
      registryWith(aModelRecord().withVersion("m-1").active(), aModelRecord().withVersion("m-2"));

      assertThat(
              sqlStateOf(
                  "UPDATE models SET status = 'ACTIVE', active_marker = TRUE WHERE version ="
                      + " 'm-2'"))
          .isEqualTo("23505");
      assertThat(sqlStateOf("UPDATE models SET status = 'ACTIVE' WHERE version = 'm-2'"))
          .isIn("23513", "23514"); // H2 and PostgreSQL name a CHECK violation differently
    }

    @Test
    void aStoredResourceThatCannotBeDecodedIsNamed() {
      Resources resources = new JdbcResources(jdbc);
      resources.upsertAll(List.of(aResource().withId("a-1").build()));
      TestDatabases.execute(
          database().dataSource(), "UPDATE resources SET content = ?", (Object) new byte[] {7});

      assertThatThrownBy(() -> resources.find(ResourceId.of("a-1")))
          .isInstanceOf(PersistenceException.class)
          .hasMessageContaining("stored resource a-1 cannot be read")
          .hasMessageContaining("encoding version 7");
    }

    @Test
    void aDamagedArtifactChunkFailsItsChecksum() {
      ModelRegistry registry =
          registryWith(
              aModelRecord()
                  .withVersion("m-1")
                  .withArtifact(ModelArtifact.of(new byte[3_000_000])));
      byte[] sameLengthOtherBytes = new byte[3_000_000 - 2 * JdbcModelRegistry.CHUNK_SIZE];
      Arrays.fill(sameLengthOtherBytes, (byte) 1);
      TestDatabases.execute(
          database().dataSource(),
          "UPDATE model_artifact_chunks SET bytes = ? WHERE chunk_no = 2",
          (Object) sameLengthOtherBytes);

      assertThatThrownBy(() -> registry.loadArtifact(ModelVersion.of("m-1")))
          .isInstanceOf(ModelArtifact.CorruptArtifactException.class)
          .hasMessageContaining("checksum mismatch");
    }

    @Test
    void aMissingOrShortArtifactChunkIsReportedAsDamage() {
      ModelRegistry registry =
          registryWith(
              aModelRecord()
                  .withVersion("m-1")
                  .withArtifact(ModelArtifact.of(new byte[3_000_000])));
      TestDatabases.execute(
          database().dataSource(),
          "UPDATE model_artifact_chunks SET bytes = ? WHERE chunk_no = 1",
          (Object) new byte[] {1});

      assertThatThrownBy(() -> registry.loadArtifact(ModelVersion.of("m-1")))
          .isInstanceOf(ModelArtifact.CorruptArtifactException.class)
          .hasMessage(
              "artifact of model m-1 is damaged: its chunks hold 1951425 of the recorded 3000000"
                  + " bytes");
    }

    @Test
    void anotherReplicaOnTheSameDatabaseLoadsTheActiveModel() {
      byte[] bytes = new byte[1_500_000];
      new Random(7).nextBytes(bytes);
      registryWith(
          aModelRecord().withVersion("m-1").active().withArtifact(ModelArtifact.of(bytes)));

      try (Database replica = Database.open(database().config())) {
        ModelRegistry replicaRegistry =
            new JdbcModelRegistry(new Jdbc(replica.dataSource(), 100, 100));
        ModelVersion active = replicaRegistry.active().orElseThrow().version();

        assertThat(replica.migrationsApplied()).isZero();
        assertThat(active).isEqualTo(ModelVersion.of("m-1"));
        assertThat(replicaRegistry.loadArtifact(active).bytes()).isEqualTo(bytes);
      }
    }

    @Test
    void largeBinaryValuesAreKeptOutsideH2sTablePages() {
      // H2 2.5.252 misreads pages that hold values of a megabyte or more inline after some
      // rewrites ("Reading from file ... failed ... remaining 128"): on H2 these are LOBs
      String expected = database().config().isPostgres() ? "bytea" : "BINARY LARGE OBJECT";

      assertThat(columnType("resources", "content")).isEqualToIgnoringCase(expected);
      assertThat(columnType("model_artifact_chunks", "bytes")).isEqualToIgnoringCase(expected);
    }

    @Test
    void largeResourcesRoundTripThroughRepeatedRewrites() {
      Resources resources = new JdbcResources(jdbc);
      for (int round = 0; round < 5; round++) {
        byte[] image = new byte[1_500_000];
        Arrays.fill(image, (byte) round);
        Resource large =
            aResource()
                .withId("large")
                .withSource("s".repeat(2_000_000))
                .withImage(image)
                .withImage(image)
                .build();

        resources.upsertAll(List.of(large, aResource().withId("small-" + round).build()));

        assertThat(resources.find(ResourceId.of("large"))).contains(large);
      }
      assertThat(resources.count()).isEqualTo(6);
    }

    @Test
    void aTrainingJobsErrorIsKeptUpToItsLimit() {
      JdbcTrainingJobs jobs = new JdbcTrainingJobs(jdbc);
      TrainingJob failed =
          aTrainingJob().build().failed("x".repeat(JdbcTrainingJobs.MAX_ERROR + 5), Instant.EPOCH);

      jobs.save(failed);

      assertThat(jobs.find(failed.id()).orElseThrow().error())
          .contains("x".repeat(JdbcTrainingJobs.MAX_ERROR));
    }

    private String columnType(String table, String column) {
      return new Jdbc(database().dataSource(), 10, 10)
          .one(
              "reading the type of " + table + "." + column,
              "SELECT data_type FROM information_schema.columns"
                  + " WHERE table_schema = CURRENT_SCHEMA AND table_name = ? AND column_name = ?",
              statement -> {
                statement.setString(1, table);
                statement.setString(2, column);
              },
              row -> row.getString(1))
          .orElseThrow();
    }

    private String sqlStateOf(String sql) {
      try (Connection connection = database().dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate(sql);
        return "no error";
      } catch (SQLException e) {
        return e.getSQLState();
      }
    }
  }
}
