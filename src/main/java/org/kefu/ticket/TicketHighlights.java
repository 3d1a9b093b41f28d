package org.kefu.ticket;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.kefu.platform.search.TextAnalyzer;

/**
 * Snippets of where a search matched a ticket's subject and messages, cut by Lucene's unified highlighter from the
 * fields {@link TicketTextBinder} writes (offsets read from the postings of the searched terms only). All hits of a
 * page are highlighted in one pass. Snippets are plain text in which {@code open} and {@code close} mark the matches;
 * the caller escapes them.
 */
final class TicketHighlights {

    static final int PER_FIELD = 3;
    private static final String[] FIELDS = {TicketTextBinder.SUBJECT, TicketTextBinder.BODY};

    private TicketHighlights() {
    }

    /**
     * Snippets per ticket id, subject first, then the messages in timeline order, each field's in order of
     * appearance. Tickets no longer in the index get none.
     */
    static Map<Long, List<String>> of(IndexReader reader, List<Long> ids, String text, String open, String close)
            throws IOException {
        Map<Long, Integer> docs = documents(reader, ids);
        if (docs.isEmpty()) {
            return Map.of();
        }
        Query query = TicketTextQuery.highlighted(text);
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(new IndexSearcher(reader), TextAnalyzer.shared())
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.ROOT))
                .withFormatter(new Fragments(open, close))
                .withWeightMatches(false)
                .withMaxNoHighlightPassages(0);
        Highlighter highlighter = new Highlighter(builder);
        List<Long> found = new ArrayList<>(docs.keySet());
        int[] docIds = found.stream().mapToInt(docs::get).toArray();
        Map<String, Object[]> byField = highlighter.highlight(FIELDS, query, docIds, new int[] {PER_FIELD, PER_FIELD});
        Map<Long, List<String>> result = new HashMap<>();
        for (int i = 0; i < found.size(); i++) {
            List<String> snippets = new ArrayList<>();
            for (String field : FIELDS) {
                if (byField.get(field)[i] instanceof List<?> fragments) {
                    fragments.forEach(f -> snippets.add((String) f));
                }
            }
            result.put(found.get(i), snippets);
        }
        return result;
    }

    /** The live Lucene document of each ticket id, looked up by {@link TicketTextBinder#KEY}. */
    private static Map<Long, Integer> documents(IndexReader reader, List<Long> ids) throws IOException {
        Map<Long, Integer> docs = new HashMap<>();
        PostingsEnum postings = null;
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(TicketTextBinder.KEY);
            if (terms == null) {
                continue;
            }
            TermsEnum keys = terms.iterator();
            Bits live = leaf.reader().getLiveDocs();
            for (Long id : ids) {
                if (docs.containsKey(id) || !keys.seekExact(new BytesRef(String.valueOf(id)))) {
                    continue;
                }
                postings = keys.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        docs.put(id, leaf.docBase + doc);
                        break;
                    }
                }
            }
        }
        return docs;
    }

    /** Opens the highlighter's many-documents call, which returns what the formatter made. */
    private static final class Highlighter extends UnifiedHighlighter {

        Highlighter(Builder builder) {
            super(builder);
        }

        Map<String, Object[]> highlight(String[] fields, Query query, int[] docIds, int[] maxPassages)
                throws IOException {
            return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
        }
    }

    /** Each passage as its own snippet, trimmed, with the matches (overlapping ones joined) between the markers. */
    private static final class Fragments extends PassageFormatter {

        private final String open;
        private final String close;

        Fragments(String open, String close) {
            this.open = open;
            this.close = close;
        }

        @Override
        public Object format(Passage[] passages, String content) {
            List<String> fragments = new ArrayList<>(passages.length);
            for (Passage passage : passages) {
                StringBuilder out = new StringBuilder();
                int at = passage.getStartOffset();
                int[] starts = passage.getMatchStarts();
                int[] ends = passage.getMatchEnds();
                int i = 0;
                while (i < passage.getNumMatches()) {
                    int start = starts[i];
                    int end = ends[i];
                    while (i + 1 < passage.getNumMatches() && starts[i + 1] < end) {
                        end = Math.max(end, ends[++i]);
                    }
                    end = Math.min(end, passage.getEndOffset());
                    out.append(content, at, start).append(open).append(content, start, end).append(close);
                    at = end;
                    i++;
                }
                out.append(content, at, Math.max(at, passage.getEndOffset()));
                fragments.add(out.toString().trim());
            }
            return fragments;
        }
    }
}
