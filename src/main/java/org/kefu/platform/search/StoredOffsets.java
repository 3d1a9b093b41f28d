package org.kefu.platform.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;

/**
 * Whether an index stores the term offsets that highlighting reads (term vectors with positions and offsets).
 * An index written before highlighted fields stored them still answers searches, highlighting by analysing each
 * hit's text again, but Lucene refuses to add a document with term vectors to it ("cannot change field … to
 * inconsistent storeTermVector=true"): it has to be dropped and rebuilt once.
 */
public final class StoredOffsets {

    private StoredOffsets() {
    }

    /** True when one of {@code fields} is in the index without term vectors; an empty index is never outdated. */
    public static boolean missing(IndexReader reader, Collection<String> fields) {
        FieldInfos infos = FieldInfos.getMergedFieldInfos(reader);
        for (String field : fields) {
            FieldInfo info = infos.fieldInfo(field);
            if (info != null && !info.hasVectors()) {
                return true;
            }
        }
        return false;
    }

    /** {@link #missing} on a reader that is closed afterwards. */
    public static boolean missing(ReaderSource source, Collection<String> fields) {
        try (IndexReader reader = source.open()) {
            return missing(reader, fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a reader on the current state of an index. */
    @FunctionalInterface
    public interface ReaderSource {
        IndexReader open() throws IOException;
    }
}
