package org.kefu.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class StoredOffsetsTest {

    private static final List<String> HIGHLIGHTED = List.of("subject", "entries.body");

    /** A text field as Hibernate Search writes it, with or without term vectors. */
    private static FieldType text(boolean vectors) {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        type.setTokenized(true);
        type.setStored(true);
        type.setStoreTermVectors(vectors);
        type.setStoreTermVectorPositions(vectors);
        type.setStoreTermVectorOffsets(vectors);
        type.freeze();
        return type;
    }

    private static Directory index(boolean vectors, String... fields) throws IOException {
        Directory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document document = new Document();
            document.add(new StringField("id", "1", Field.Store.YES));
            for (String field : fields) {
                document.add(new Field(field, "快递丢失包裹", text(vectors)));
            }
            writer.addDocument(document);
            writer.commit();
        }
        return directory;
    }

    private static boolean missing(Directory directory) {
        return StoredOffsets.missing(() -> DirectoryReader.open(directory), HIGHLIGHTED);
    }

    @Test
    void anIndexWrittenWithoutTermVectorsIsOutdated() throws IOException {
        assertThat(missing(index(false, "subject", "entries.body"))).isTrue();
        assertThat(missing(index(false, "subject"))).isTrue();
    }

    @Test
    void anIndexWithTermVectorsOnTheHighlightedFieldsIsCurrent() throws IOException {
        assertThat(missing(index(true, "subject", "entries.body"))).isFalse();
        assertThat(missing(index(true, "subject"))).as("no message indexed yet").isFalse();
    }

    @Test
    void anEmptyIndexIsCurrent() throws IOException {
        Directory directory = new ByteBuffersDirectory();
        new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())).close();
        assertThat(missing(directory)).isFalse();
        assertThat(missing(index(false, "other"))).as("other fields without vectors do not matter").isFalse();
    }
}
