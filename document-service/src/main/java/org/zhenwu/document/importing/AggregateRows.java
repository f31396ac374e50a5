package org.zhenwu.document.importing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Enumerated;
import jakarta.persistence.EnumType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.hibernate.Session;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.importing.BatchInsert;

/**
 * Writes the new aggregates of a historical import in a few statements per file. Each record was built through its
 * aggregate (every rule and transition checked, its trail written by the aggregate); then the roots, whose ids the
 * application assigns, are {@code persist}ed and flushed once, {@value #ROOTS_PER_BATCH} to a JDBC batch (the
 * driver's {@code rewriteBatchedStatements} makes one multi-row INSERT of each batch),
 * and the rows of their {@code @OneToMany} children — the trail lines, copies, co-signers, attendees…, whose ids are
 * {@code AUTO_INCREMENT} ({@code IDENTITY}: Hibernate sends one INSERT per row and cannot batch them) — go in as
 * multi-row INSERTs ({@link BatchInsert}), in each aggregate's order, so their ids keep the order {@code @OrderBy("id")}
 * reads them in.
 * <p>
 * The children's columns come from their mapping: every persistent field but the generated id, named as the service's
 * naming strategy names them (camelCase to snake_case, or {@code @Column(name)}), enums by name
 * ({@code EnumType.STRING} only), instants as UTC wall-clock time, UUIDs as text (as
 * {@code hibernate.type.preferred_uuid_jdbc_type: CHAR} writes them), and the parent's id in the
 * {@code @JoinColumn} (unless the child maps that column itself). {@code AggregateRowsTest} compares the rows with those Hibernate writes.
 * <p>
 * The children leave the roots' collections (the roots in the persistence context have none); nothing else in the
 * import's transaction may read those collections afterwards.
 */
public final class AggregateRows {
    /** JDBC batch size while the roots are flushed (the service does not batch otherwise). */
    static final int ROOTS_PER_BATCH = 100;
    private static final Map<Class<?>, List<Field>> FIELDS = new java.util.concurrent.ConcurrentHashMap<>();

    private AggregateRows() {
    }

    /** Persists {@code roots} (new aggregates, ids assigned) and writes their children's rows, in the caller's transaction. */
    public static void persist(EntityManager entityManager, JdbcClient jdbc, List<?> roots) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, List<List<Object>>> rows = new LinkedHashMap<>();
        for (Object root : roots) {
            Object rootId = jdbcValue(idOf(root), null);
            for (Field collection : children(root.getClass())) {
                Collection<?> items = (Collection<?>) get(collection, root);
                if (items == null || items.isEmpty()) {
                    continue;
                }
                String joinColumn = collection.getAnnotation(JoinColumn.class).name();
                for (Object child : items) {
                    Class<?> type = child.getClass();
                    String key = tableOf(type) + "/" + joinColumn;
                    // a child that maps the parent's id itself (the join column then is insertable = false)
                    boolean ownsJoinColumn = columnFields(type).stream().anyMatch(f -> columnName(f).equals(joinColumn));
                    columns.computeIfAbsent(key, k -> {
                        List<String> names = new ArrayList<>();
                        if (!ownsJoinColumn) {
                            names.add(joinColumn);
                        }
                        columnFields(type).forEach(f -> names.add(columnName(f)));
                        return names;
                    });
                    List<Object> row = new ArrayList<>();
                    if (!ownsJoinColumn) {
                        row.add(rootId);
                    }
                    for (Field f : columnFields(type)) {
                        row.add(jdbcValue(get(f, child), f));
                    }
                    rows.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
                }
                items.clear();
            }
            entityManager.persist(root);
        }
        Session session = entityManager.unwrap(Session.class);
        Integer batchSize = session.getJdbcBatchSize();
        session.setJdbcBatchSize(ROOTS_PER_BATCH);
        try {
            entityManager.flush();
        } finally {
            session.setJdbcBatchSize(batchSize);
        }
        rows.forEach((key, values) -> BatchInsert.into(jdbc, key.substring(0, key.indexOf('/')), columns.get(key),
                values));
    }

    private static List<Field> children(Class<?> rootType) {
        return FIELDS.computeIfAbsent(rootType, t -> {
            List<Field> found = new ArrayList<>();
            for (Field f : fields(t)) {
                if (f.isAnnotationPresent(OneToMany.class)) {
                    if (!f.isAnnotationPresent(JoinColumn.class)) {
                        throw new IllegalStateException(t.getSimpleName() + "." + f.getName()
                                + ": only unidirectional @OneToMany with a @JoinColumn is supported");
                    }
                    f.setAccessible(true);
                    found.add(f);
                }
            }
            return found;
        });
    }

    private static final Map<Class<?>, List<Field>> COLUMNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<Field> columnFields(Class<?> childType) {
        return COLUMNS.computeIfAbsent(childType, t -> {
            List<Field> found = new ArrayList<>();
            for (Field f : fields(t)) {
                if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())
                        || f.isAnnotationPresent(Transient.class)) {
                    continue;
                }
                if (f.isAnnotationPresent(Id.class)) {
                    if (!f.isAnnotationPresent(GeneratedValue.class)) {
                        throw new IllegalStateException(t.getSimpleName() + ": the child's id must be generated");
                    }
                    continue;
                }
                if (f.getType().isAnnotationPresent(jakarta.persistence.Embeddable.class)
                        || Collection.class.isAssignableFrom(f.getType()) || Map.class.isAssignableFrom(f.getType())) {
                    throw new IllegalStateException(t.getSimpleName() + "." + f.getName() + ": not a plain column");
                }
                if (f.getType().isEnum()) {
                    Enumerated e = f.getAnnotation(Enumerated.class);
                    if (e == null || e.value() != EnumType.STRING) {
                        throw new IllegalStateException(t.getSimpleName() + "." + f.getName()
                                + ": enums must be @Enumerated(EnumType.STRING)");
                    }
                }
                f.setAccessible(true);
                found.add(f);
            }
            return found;
        });
    }

    /** The fields of {@code type} and of its mapped superclasses, superclass first. */
    private static List<Field> fields(Class<?> type) {
        List<Field> all = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            all.addAll(0, List.of(c.getDeclaredFields()));
        }
        return all;
    }

    private static String tableOf(Class<?> type) {
        Table table = type.getAnnotation(Table.class);
        if (table == null || table.name().isEmpty()) {
            throw new IllegalStateException(type.getSimpleName() + ": @Table(name) is required");
        }
        return table.name();
    }

    private static Object idOf(Object root) {
        for (Field f : fields(root.getClass())) {
            if (f.isAnnotationPresent(Id.class)) {
                f.setAccessible(true);
                return get(f, root);
            }
        }
        throw new IllegalStateException(root.getClass().getSimpleName() + " has no @Id field");
    }

    /** camelCase to snake_case, as Spring's {@code CamelCaseToUnderscoresNamingStrategy} does, or {@code @Column(name)}. */
    static String columnName(Field f) {
        Column column = f.getAnnotation(Column.class);
        if (column != null && !column.name().isEmpty()) {
            return column.name();
        }
        StringBuilder out = new StringBuilder();
        String name = f.getName();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    private static Object jdbcValue(Object value, Field field) {
        if (value instanceof Enum<?> e) {
            return e.name();
        } else if (value instanceof Instant i) {
            return BatchInsert.utc(i);
        } else if (value instanceof UUID u) {
            return u.toString();
        }
        return value;
    }

    private static Object get(Field f, Object target) {
        try {
            return f.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
