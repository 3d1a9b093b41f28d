package org.kefu.ticket;

import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;
import org.kefu.platform.search.TextAnalyzer;

/**
 * Writes a ticket's searchable text — the subject and the body of every timeline entry — as Lucene fields of Kefu's
 * own rather than Hibernate Search's: Hibernate Search indexes text without term offsets, so highlighting had to
 * read term vectors (or analyse each hit again), which was a third of a search's CPU. These fields keep the offsets
 * in the postings, where the highlighter finds them for just the searched terms. They are analysed by the same
 * {@link TextAnalyzer} as Hibernate Search's text fields and stored, for the highlighter to cut snippets from.
 * {@link #KEY} holds the ticket id, to find a hit's Lucene document.
 */
public class TicketTextBinder implements TypeBinder {

    static final String SUBJECT = "subject_text";
    static final String BODY = "body_text";
    static final String KEY = "ticket_key";

    private static final FieldType TEXT = textType();

    @Override
    public void bind(TypeBindingContext context) {
        // Every entry is appended through Ticket.append, which moves updatedAt: depending on updatedAt rather than
        // on entries.body reindexes the ticket just the same, without an outbox event for each new timeline entry
        // (three of every four events a new ticket wrote, each an insert, a load and a delete).
        context.dependencies().use("subject").use("updatedAt");
        var schema = context.indexSchemaElement();
        IndexFieldReference<String> key = schema.field(KEY, f -> f.extension(LuceneExtension.get())
                .asNative(String.class, TicketTextBinder::key)).toReference();
        IndexFieldReference<String> subject = schema.field(SUBJECT, f -> f.extension(LuceneExtension.get())
                .asNative(String.class, TicketTextBinder::text)).toReference();
        IndexFieldReference<String> body = schema.field(BODY, f -> f.extension(LuceneExtension.get())
                .asNative(String.class, TicketTextBinder::text)).multiValued().toReference();
        context.bridge(Ticket.class, new Bridge(key, subject, body));
    }

    private record Bridge(IndexFieldReference<String> key, IndexFieldReference<String> subject,
            IndexFieldReference<String> body) implements TypeBridge<Ticket> {

        @Override
        public void write(DocumentElement target, Ticket ticket, TypeBridgeWriteContext context) {
            target.addValue(key, String.valueOf(ticket.getId()));
            target.addValue(subject, ticket.getSubject());
            for (TimelineEntry entry : ticket.entries()) {
                if (entry.getBody() != null && !entry.getBody().isBlank()) {
                    target.addValue(body, entry.getBody());
                }
            }
        }
    }

    private static void key(String path, String value, Consumer<IndexableField> collector) {
        collector.accept(keyField(path, value));
    }

    private static void text(String path, String value, Consumer<IndexableField> collector) {
        collector.accept(textField(path, value));
    }

    static IndexableField keyField(String path, String value) {
        return new StringField(path, value, Field.Store.NO);
    }

    /** A stored text field with offsets in its postings, analysed by {@link TextAnalyzer}. */
    static IndexableField textField(String path, String value) {
        return new AnalyzedText(path, value);
    }

    private static FieldType textType() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.setTokenized(true);
        type.setStored(true);
        type.freeze();
        return type;
    }

    /**
     * A stored text field analysed by {@link TextAnalyzer} whatever analyser the index writer has. The token stream is
     * made when the writer asks for it, so the values of a multi-valued field do not share one reused stream.
     */
    private static final class AnalyzedText extends Field {

        AnalyzedText(String name, String value) {
            super(name, value, TEXT);
        }

        @Override
        public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
            return TextAnalyzer.shared().tokenStream(name(), stringValue());
        }
    }
}
