package org.kefu.platform.storage;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A JPQL {@code in} condition whose values are bound one parameter each, padded to a power of two by repeating the
 * last. Hibernate translates a query with a list parameter into SQL again on every execution (the SQL depends on the
 * list's length), which cost up to 8 % of a hot read's CPU; a query text it has seen before it translates once, and
 * the padding keeps the number of different texts small (1, 2, 4, 8, … values).
 */
public final class InList {

    private InList() {
    }

    /** {@code path in (:name0, :name1, …)}, its values put into {@code params}, for a query built as a string. */
    public static String of(Map<String, Object> params, String path, String name, Collection<?> values) {
        StringBuilder condition = new StringBuilder();
        append(condition, params, path, name, values);
        return condition.toString();
    }

    /** Binds every parameter of {@code params} to the query. */
    public static <Q extends jakarta.persistence.Query> Q bind(Q query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }

    /** Appends {@code path in (:name0, :name1, …)} to {@code jpql} and puts the values into {@code params}. */
    public static void append(StringBuilder jpql, Map<String, Object> params, String path, String name,
            Collection<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values for " + path);
        }
        List<?> list = List.copyOf(values);
        int size = 1;
        while (size < list.size()) {
            size *= 2;
        }
        jpql.append(path).append(" in (");
        for (int i = 0; i < size; i++) {
            jpql.append(i == 0 ? ":" : ", :").append(name).append(i);
            params.put(name + i, list.get(Math.min(i, list.size() - 1)));
        }
        jpql.append(')');
    }
}
