package dev.openproof.jdbc;

import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.model.StatusListLayout;
import dev.openproof.core.model.StatusReference;
import dev.openproof.core.port.StatusLists;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Durable {@link StatusLists} in the ledger's database (schema version 2), laid out by a {@link
 * StatusListLayout}: the lists are named {@code <base>/1}, {@code <base>/2} …, each place is a row whose key {@code (list_uri, idx)} makes an index
 * impossible to reuse. Allocations lock the current list's row, so instances sharing the database
 * allocate one after the other. Get one from {@link JdbcProofLedger#statusLists(String)} or {@link
 * #create(DataSource, String)}. Thread-safe.
 *
 * @since 0.1.0
 */
public final class JdbcStatusLists implements StatusLists {
  private final Jdbc jdbc;
  private final StatusListLayout layout;
  private final RandomGenerator random;

  JdbcStatusLists(Jdbc jdbc, StatusListLayout layout, RandomGenerator random) {
    this.jdbc = jdbc;
    this.layout = Objects.requireNonNull(layout, "layout");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Status lists of {@link #DEFAULT_CAPACITY} entries in a database whose schema is migrated.
   *
   * @param dataSource where connections come from
   * @param baseUri the URI the lists' URIs start with, such as {@code https://licensing.example.com/status}
   * @return the lists
   */
  public static JdbcStatusLists create(DataSource dataSource, String baseUri) {
    return create(dataSource, baseUri, DEFAULT_CAPACITY, new SecureRandom());
  }

  /**
   * Status lists of a given capacity with indexes from a given random source. The capacity applies
   * to lists started from now on.
   *
   * @param dataSource where connections come from
   * @param baseUri the URI the lists' URIs start with
   * @param capacity entries per list, 1 to 2^24
   * @param random the source of indexes
   * @return the lists
   */
  public static JdbcStatusLists create(DataSource dataSource, String baseUri, int capacity, RandomGenerator random) {
    return create(dataSource, new StatusListLayout(baseUri, capacity), random);
  }

  /**
   * Status lists of a given layout with indexes from a given random source. The capacity applies to
   * lists started from now on.
   *
   * @param dataSource where connections come from
   * @param layout the lists' base URI and capacity
   * @param random the source of indexes
   * @return the lists
   */
  public static JdbcStatusLists create(DataSource dataSource, StatusListLayout layout, RandomGenerator random) {
    return new JdbcStatusLists(new Jdbc(Objects.requireNonNull(dataSource, "dataSource"), null), layout, random);
  }

  /**
   * The layout of these lists.
   *
   * @return the base URI and the capacity of new lists
   */
  public StatusListLayout layout() {
    return layout;
  }

  @Override
  public StatusReference allocate(ProofId proofId) {
    Objects.requireNonNull(proofId, "proofId");
    return allocate("allocate a status list index", List.of(proofId)).get(0);
  }

  /**
   * Gives each proof its place as {@link #allocate} does, all in one transaction: the current list is
   * locked once and its count of allocated places updated once, and once more for each list started
   * when one fills up during the batch.
   */
  @Override
  public List<StatusReference> allocateAll(List<ProofId> proofIds) {
    List<ProofId> ids = List.copyOf(proofIds); // refuses null ids
    return ids.isEmpty() ? List.of() : allocate("allocate status list indexes", ids);
  }

  private List<StatusReference> allocate(String what, List<ProofId> ids) {
    Dialect dialect = jdbc.dialect(); // before the transaction: detecting it borrows a connection
    return jdbc.transaction(what, c -> {
      Map<ProofId, StatusReference> places = new HashMap<>();
      Set<ProofId> unplaced = new LinkedHashSet<>();
      for (ProofId id : ids) {
        if (!places.containsKey(id) && !unplaced.contains(id)) {
          Optional<StatusReference> known = find(c, id);
          if (known.isPresent()) {
            places.put(id, known.get());
          } else {
            unplaced.add(id);
          }
        }
      }
      List<ProofId> fresh = new ArrayList<>(unplaced);
      int next = 0;
      while (next < fresh.size()) {
        ListRow list = lockCurrent(c, dialect);
        int room = list.capacity() - list.allocated();
        List<ProofId> part = fresh.subList(next, Math.min(fresh.size(), next + room));
        placeIn(c, list, part, places);
        next += part.size();
      }
      List<StatusReference> refs = new ArrayList<>(ids.size());
      ids.forEach(id -> refs.add(places.get(id)));
      return refs;
    });
  }

  /** Places proofs in a locked list with room for them all: one insert batch and one counter update. */
  private void placeIn(Connection c, ListRow list, List<ProofId> part, Map<ProofId, StatusReference> places)
      throws SQLException {
    try (Taken taken = new Taken(c, list); PreparedStatement insert = c.prepareStatement(
        "INSERT INTO openproof_status_entry (list_uri, idx, proof_id, status) VALUES (?, ?, ?, 0)")) {
      for (ProofId id : part) {
        int index = freeIndex(list, taken);
        taken.give(index);
        insert.setString(1, list.uri());
        insert.setInt(2, index);
        insert.setString(3, id.value());
        insert.addBatch();
        places.put(id, new StatusReference(index, list.uri()));
      }
      insert.executeBatch();
    }
    try (PreparedStatement update = c.prepareStatement(
        "UPDATE openproof_status_list SET allocated = allocated + ? WHERE seq = ?")) {
      update.setInt(1, part.size());
      update.setInt(2, list.seq());
      update.executeUpdate();
    }
  }

  @Override
  public Optional<StatusReference> find(ProofId proofId) {
    return jdbc.autoCommit("find a status list index", c -> find(c, proofId));
  }

  @Override
  public Optional<ProofStatus> status(ProofId proofId) {
    return jdbc.autoCommit("read a proof's status", c -> {
      try (PreparedStatement query = c.prepareStatement("SELECT status FROM openproof_status_entry WHERE proof_id = ?")) {
        query.setString(1, proofId.value());
        try (ResultSet row = query.executeQuery()) {
          return row.next() ? Optional.of(ProofStatus.ofCode(row.getInt(1))) : Optional.<ProofStatus>empty();
        }
      }
    });
  }

  @Override
  public ProofStatus setStatus(ProofId proofId, ProofStatus status) {
    Objects.requireNonNull(status, "status");
    jdbc.autoCommit("set a proof's status", c -> {
      try (PreparedStatement update = c.prepareStatement(
          "UPDATE openproof_status_entry SET status = ? WHERE proof_id = ? AND status <> ?")) {
        update.setInt(1, status.code());
        update.setString(2, proofId.value());
        update.setInt(3, ProofStatus.INVALID.code());
        return update.executeUpdate();
      }
    });
    return status(proofId).orElseThrow(() -> new IllegalStateException("proof " + proofId + " has no place in a status list"));
  }

  @Override
  public List<String> lists() {
    return jdbc.autoCommit("list the status lists", c -> {
      List<String> uris = new ArrayList<>();
      try (PreparedStatement query = c.prepareStatement("SELECT list_uri FROM openproof_status_list ORDER BY seq");
          ResultSet row = query.executeQuery()) {
        while (row.next()) {
          uris.add(row.getString(1));
        }
      }
      return uris;
    });
  }

  @Override
  public byte[] statuses(String listUri) {
    Objects.requireNonNull(listUri, "listUri");
    return jdbc.transaction("read a status list", c -> {
      byte[] values;
      try (PreparedStatement query = c.prepareStatement("SELECT capacity FROM openproof_status_list WHERE list_uri = ?")) {
        query.setString(1, listUri);
        try (ResultSet row = query.executeQuery()) {
          if (!row.next()) {
            throw new IllegalArgumentException("no status list " + listUri);
          }
          values = new byte[row.getInt(1)];
        }
      }
      try (PreparedStatement query = c.prepareStatement(
          "SELECT idx, status FROM openproof_status_entry WHERE list_uri = ? AND status <> 0")) {
        query.setString(1, listUri);
        try (ResultSet row = query.executeQuery()) {
          while (row.next()) {
            values[row.getInt(1)] = (byte) row.getInt(2);
          }
        }
      }
      return values;
    });
  }

  /** A list's row; its capacity is the layout's when it was started. */
  private record ListRow(int seq, String uri, int capacity, int allocated) {
    StatusListLayout layout(String baseUri) {
      return new StatusListLayout(baseUri, capacity);
    }

    boolean full() {
      return allocated >= capacity;
    }
  }

  private static Optional<StatusReference> find(Connection c, ProofId proofId) throws SQLException {
    try (PreparedStatement query = c.prepareStatement("SELECT list_uri, idx FROM openproof_status_entry WHERE proof_id = ?")) {
      query.setString(1, proofId.value());
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(new StatusReference(row.getInt(2), row.getString(1))) : Optional.empty();
      }
    }
  }

  /** The current list, locked until the transaction ends; a new one when there is none or it is full. */
  private ListRow lockCurrent(Connection c, Dialect dialect) throws SQLException {
    while (true) {
      int last;
      try (PreparedStatement query = c.prepareStatement("SELECT MAX(seq) FROM openproof_status_list");
          ResultSet row = query.executeQuery()) {
        row.next();
        last = row.getInt(1);
      }
      ListRow current = last == 0 ? null : lock(c, last);
      if (current != null && !current.full()) {
        return current;
      }
      int seq = last + 1;
      try (PreparedStatement insert = c.prepareStatement(dialect.insertIfAbsent(
          "INSERT INTO openproof_status_list (seq, list_uri, capacity, allocated) VALUES (?, ?, ?, 0)", "seq"))) {
        insert.setInt(1, seq);
        insert.setString(2, layout.uri(seq));
        insert.setInt(3, layout.capacity());
        dialect.executeInsertIfAbsent(insert);
      }
      ListRow started = lock(c, seq);
      if (started != null && !started.full()) {
        return started;
      }
    }
  }

  private static @Nullable ListRow lock(Connection c, int seq) throws SQLException {
    try (PreparedStatement query = c.prepareStatement(
        "SELECT seq, list_uri, capacity, allocated FROM openproof_status_list WHERE seq = ? FOR UPDATE")) {
      query.setInt(1, seq);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? new ListRow(row.getInt(1), row.getString(2), row.getInt(3), row.getInt(4)) : null;
      }
    }
  }

  /** A free index of the list, chosen by the layout's rule. */
  private int freeIndex(ListRow list, Taken taken) throws SQLException {
    return list.layout(layout.baseUri()).chooseFreeIndex(random, taken);
  }

  /**
   * The taken indexes of one locked list as its transaction sees them, with those given out in it and
   * not inserted yet: one index at a time, the whole list only if need be, and then read once.
   */
  private static final class Taken implements StatusListLayout.TakenIndexes<SQLException>, AutoCloseable {
    private final Connection c;
    private final ListRow list;
    private final PreparedStatement one;
    private final BitSet given = new BitSet();
    private @Nullable BitSet all;

    Taken(Connection c, ListRow list) throws SQLException {
      this.c = c;
      this.list = list;
      this.one = c.prepareStatement("SELECT 1 FROM openproof_status_entry WHERE list_uri = ? AND idx = ?");
      one.setString(1, list.uri());
    }

    /** Marks an index given out in this transaction. */
    void give(int index) {
      given.set(index);
      if (all != null) {
        all.set(index);
      }
    }

    @Override
    public boolean isTaken(int index) throws SQLException {
      if (given.get(index)) {
        return true;
      }
      if (all != null) {
        return all.get(index);
      }
      one.setInt(2, index);
      try (ResultSet row = one.executeQuery()) {
        return row.next();
      }
    }

    @Override
    public BitSet all() throws SQLException {
      if (all == null) {
        BitSet used = new BitSet(list.capacity());
        try (PreparedStatement query = c.prepareStatement("SELECT idx FROM openproof_status_entry WHERE list_uri = ?")) {
          query.setString(1, list.uri());
          try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
              used.set(row.getInt(1));
            }
          }
        }
        used.or(given);
        all = used;
      }
      return all;
    }

    @Override
    public void close() throws SQLException {
      one.close();
    }
  }

  @Override
  public String toString() {
    return "JdbcStatusLists[" + layout.baseUri() + ", capacity=" + layout.capacity() + "]";
  }
}
