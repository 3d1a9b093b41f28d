package org.kefu.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list; {@code nextCursor} is null on the last page. */
public record Slice<T>(List<T> items, String nextCursor) {

    public <R> Slice<R> map(Function<? super T, ? extends R> mapper) {
        return new Slice<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }

    /**
     * Builds a page from rows fetched with limit + 1: the extra row only says that more exist.
     */
    public static <T> Slice<T> fromOverfetch(List<T> rows, int limit, Function<T, Cursor> cursorOf) {
        if (rows.size() <= limit) {
            return new Slice<>(List.copyOf(rows), null);
        }
        List<T> page = List.copyOf(rows.subList(0, limit));
        return new Slice<>(page, cursorOf.apply(page.get(limit - 1)).encode());
    }
}
