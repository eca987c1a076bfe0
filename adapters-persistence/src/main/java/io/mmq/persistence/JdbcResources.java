package io.mmq.persistence;

import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.resource.port.out.Resources;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link Resources} in the {@code resources} table. An upsert compares each resource's content hash
 * with the stored one: new ids are inserted, changed ones updated, equal ones not written at all,
 * so importing the same file twice changes nothing. All in one transaction, batched.
 */
final class JdbcResources implements Resources {
  /** The longest text copied out of a resource into a query column; the content keeps it all. */
  private static final int QUERY_TEXT = 1_000;

  /** Ids per {@code IN (...)} lookup. */
  private static final int LOOKUP_CHUNK = 500;

  private static final String INSERT =
      "INSERT INTO resources (content_hash, content, title, publisher_id, language, source,"
          + " published_at_ns, block_count, image_count, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE =
      "UPDATE resources SET content_hash = ?, content = ?, title = ?, publisher_id = ?,"
          + " language = ?, source = ?, published_at_ns = ?, block_count = ?, image_count = ?"
          + " WHERE id = ?";

  private final Jdbc jdbc;

  @Inject
  JdbcResources(Jdbc jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc is null");
  }

  /** A resource ready to write: its encoding and hash. */
  private record Encoded(Resource resource, byte[] content, String hash) {
    static Encoded of(Resource resource) {
      byte[] content = ResourceCodec.encode(resource);
      return new Encoded(resource, content, ResourceCodec.hash(content));
    }
  }

  @Override
  public UpsertResult upsertAll(List<Resource> resources) {
    Objects.requireNonNull(resources, "resources is null");
    for (int i = 0; i < resources.size(); i++) {
      Objects.requireNonNull(resources.get(i), "resources[" + i + "] is null");
    }
    String action = "storing " + resources.size() + " resources";
    return jdbc.inTransaction(
        action,
        connection -> {
          Map<ResourceId, String> known = new HashMap<>();
          int inserted = 0;
          int updated = 0;
          int unchanged = 0;
          for (int start = 0; start < resources.size(); start += jdbc.batchSize()) {
            List<Resource> chunk =
                resources.subList(start, Math.min(resources.size(), start + jdbc.batchSize()));
            loadHashes(connection, chunk, known);
            List<Encoded> inserts = new ArrayList<>();
            List<Encoded> updates = new ArrayList<>();
            List<Integer> insertIndex = new ArrayList<>();
            List<Integer> updateIndex = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
              Encoded encoded = Encoded.of(chunk.get(i));
              String previous = known.put(encoded.resource().id(), encoded.hash());
              if (previous == null) {
                inserts.add(encoded);
                insertIndex.add(start + i);
              } else if (previous.equals(encoded.hash())) {
                unchanged++;
              } else {
                updates.add(encoded);
                updateIndex.add(start + i);
              }
            }
            // inserts first: an id new in this chunk and repeated in it is inserted, then updated
            inserted += write(connection, action, INSERT, inserts, insertIndex);
            updated += write(connection, action, UPDATE, updates, updateIndex);
          }
          return new UpsertResult(inserted, updated, unchanged);
        });
  }

  @Override
  public Optional<Resource> find(ResourceId id) {
    Objects.requireNonNull(id, "id is null");
    return jdbc.one(
        "reading resource " + id,
        "SELECT id, content FROM resources WHERE id = ?",
        statement -> statement.setString(1, id.value()),
        JdbcResources::decode);
  }

  @Override
  public List<Resource> findAll(Collection<ResourceId> ids) {
    Objects.requireNonNull(ids, "ids is null");
    List<String> wanted = new ArrayList<>();
    for (ResourceId id : new LinkedHashSet<>(ids)) {
      wanted.add(Objects.requireNonNull(id, "ids holds null").value());
    }
    return jdbc.read(
        "reading " + wanted.size() + " resources",
        connection -> {
          List<Resource> found = new ArrayList<>();
          for (int start = 0; start < wanted.size(); start += LOOKUP_CHUNK) {
            List<String> chunk =
                wanted.subList(start, Math.min(wanted.size(), start + LOOKUP_CHUNK));
            found.addAll(
                Jdbc.list(
                    connection,
                    "SELECT id, content FROM resources WHERE id IN ("
                        + placeholders(chunk.size())
                        + ")",
                    statement -> bindAll(statement, chunk),
                    JdbcResources::decode));
          }
          return found;
        });
  }

  @Override
  public long count() {
    return jdbc.count("counting resources", "SELECT COUNT(*) FROM resources");
  }

  private int write(
      Connection connection, String action, String sql, List<Encoded> items, List<Integer> index)
      throws SQLException {
    return jdbc.batch(
        connection,
        action,
        sql,
        items,
        (statement, encoded) -> {
          Resource resource = encoded.resource();
          statement.setString(1, encoded.hash());
          statement.setBytes(2, encoded.content());
          statement.setString(3, Jdbc.text(resource.title()));
          statement.setString(4, Jdbc.text(resource.publisher().id()));
          statement.setString(5, Jdbc.text(resource.language(), QUERY_TEXT));
          statement.setString(6, Jdbc.text(resource.source(), QUERY_TEXT));
          if (resource.publishedAt().isPresent()) {
            statement.setLong(7, Instants.toNanos(resource.publishedAt().get(), "publishedAt"));
          } else {
            statement.setNull(7, Types.BIGINT);
          }
          statement.setInt(8, resource.blocks().size());
          statement.setInt(9, resource.images().size());
          statement.setString(10, resource.id().value());
        },
        i -> "resources[" + index.get(i) + "] (id " + items.get(i).resource().id() + ")");
  }

  private static void loadHashes(
      Connection connection, List<Resource> chunk, Map<ResourceId, String> known)
      throws SQLException {
    List<String> ids = new ArrayList<>();
    for (Resource resource : chunk) {
      if (!known.containsKey(resource.id())) {
        ids.add(resource.id().value());
      }
    }
    for (int start = 0; start < ids.size(); start += LOOKUP_CHUNK) {
      List<String> part = ids.subList(start, Math.min(ids.size(), start + LOOKUP_CHUNK));
      Jdbc.list(
              connection,
              "SELECT id, content_hash FROM resources WHERE id IN ("
                  + placeholders(part.size())
                  + ")",
              statement -> bindAll(statement, part),
              row -> Map.entry(ResourceId.of(row.getString(1)), row.getString(2)))
          .forEach(entry -> known.put(entry.getKey(), entry.getValue()));
    }
  }

  private static Resource decode(ResultSet row) throws SQLException {
    String id = row.getString(1);
    try {
      Resource resource = ResourceCodec.decode(row.getBytes(2));
      if (!resource.id().value().equals(id)) {
        throw new IllegalArgumentException("it encodes resource " + resource.id());
      }
      return resource;
    } catch (IllegalArgumentException e) {
      throw new PersistenceException(
          "stored resource " + id + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  private static void bindAll(PreparedStatement statement, List<String> values)
      throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      statement.setString(i + 1, values.get(i));
    }
  }
}
