package org.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kefu.platform.search.SearchText;
import org.kefu.platform.search.TextAnalyzer;

/**
 * The ticket search query and its highlights on a small index with the fields search reads: the flat query scores every
 * ticket exactly as one sub-query per field would (seeded random queries), and highlighting any text, however odd,
 * marks only searched words inside the ticket's own text.
 */
class TicketTextQueryTest {

    private static final String[] WORDS = {"退款", "快递", "延误", "包裹", "丢失", "投訴", "投诉", "refund", "refunds",
        "parcel", "damaged", "password", "reset", "信用卡", "重复扣费", "VPN", "王芳", "外卖", "凉了", "蓝牙耳机", "划痕",
        "订单", "客服", "请尽快处理", "谢谢", "，", "。", "!", "了", "Ｆｕｌｌ", "café", "<script>", "&amp;"};
    private static final String[] NAMES = {"王芳", "李雷", "Chloe Wright", "陳大文", "Zoë Martin"};
    private static final int TICKETS = 300;

    private static Directory directory;
    private static DirectoryReader reader;
    private static final Map<Long, List<String>> TEXTS = new HashMap<>();

    @BeforeAll
    static void index() throws IOException {
        Random random = new Random(20261203L);
        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(TextAnalyzer.shared()))) {
            for (long id = 1; id <= TICKETS; id++) {
                Document doc = new Document();
                List<String> texts = new ArrayList<>();
                String subject = sentence(random, 2 + random.nextInt(5));
                texts.add(subject);
                doc.add(TicketTextBinder.keyField(TicketTextBinder.KEY, String.valueOf(id)));
                doc.add(TicketTextBinder.textField(TicketTextBinder.SUBJECT, subject));
                for (int i = random.nextInt(4); i > 0; i--) {
                    String body = sentence(random, 3 + random.nextInt(20));
                    texts.add(body);
                    doc.add(TicketTextBinder.textField(TicketTextBinder.BODY, body));
                }
                String name = NAMES[random.nextInt(NAMES.length)];
                doc.add(TicketTextBinder.textField("customer.name", name));
                String email = "customer" + random.nextInt(50) + "@example.com";
                doc.add(TicketTextBinder.textField("customer.emails.email_text", email));
                doc.add(new StringField("customer.emails.email", email, Field.Store.NO));
                doc.add(new StringField("number", "2026-" + String.format("%06d", id), Field.Store.NO));
                writer.addDocument(doc);
                TEXTS.put(id, texts);
            }
        }
        reader = DirectoryReader.open(directory);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    private static String sentence(Random random, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0 && random.nextInt(3) == 0) {
                sb.append(' ');
            }
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    /** What the query was before it was flattened: one sub-query per field, each weighted. */
    private static Query perField(String text) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        QueryBuilder words = new QueryBuilder(TextAnalyzer.shared());
        Map<String, Float> fields = Map.of(TicketTextBinder.SUBJECT, 3f, TicketTextBinder.BODY, 1f,
                "customer.name", 2f, "customer.emails.email_text", 1f);
        fields.forEach((field, weight) -> {
            Query query = words.createBooleanQuery(field, text);
            if (query != null) {
                any.add(new BoostQuery(query, weight), BooleanClause.Occur.SHOULD);
            }
        });
        any.add(new BoostQuery(new TermQuery(new Term("customer.emails.email", text.toLowerCase())), 5f),
                BooleanClause.Occur.SHOULD);
        any.add(new BoostQuery(new TermQuery(new Term("number", text.toLowerCase())), 10f), BooleanClause.Occur.SHOULD);
        return any.build();
    }

    private static Map<Integer, Float> scores(Query query) throws IOException {
        Map<Integer, Float> scores = new HashMap<>();
        for (ScoreDoc hit : new IndexSearcher(reader).search(query, TICKETS).scoreDocs) {
            scores.put(hit.doc, hit.score);
        }
        return scores;
    }

    @Test
    void theFlatQueryScoresEveryTicketAsOneSubQueryPerField() throws IOException {
        Random random = new Random(42L);
        int matched = 0;
        for (int i = 0; i < 400; i++) {
            String text = random.nextInt(10) == 0 ? "customer" + random.nextInt(50) + "@example.com"
                    : sentence(random, 1 + random.nextInt(4));
            Map<Integer, Float> flat = scores(TicketTextQuery.of(text));
            Map<Integer, Float> nested = scores(perField(text));
            assertThat(flat.keySet()).as(text).isEqualTo(nested.keySet());
            for (var hit : nested.entrySet()) {
                assertThat(flat.get(hit.getKey())).as(text).isCloseTo(hit.getValue(), within(hit.getValue() * 1e-4f));
            }
            matched += flat.isEmpty() ? 0 : 1;
        }
        assertThat(matched).as("queries that found something").isGreaterThan(300);
    }

    @Test
    void highlightsMarkOnlySearchedWordsInsideTheTicketsOwnText() throws IOException {
        Random random = new Random(7L);
        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= 25; id++) {
            ids.add(id);
        }
        int marked = 0;
        for (int i = 0; i < 300; i++) {
            String text = SearchText.clean(i % 3 == 0 ? junk(random) : sentence(random, 1 + random.nextInt(3)));
            Set<String> searched = terms(text);
            Map<Long, List<String>> highlights = TicketHighlights.of(reader, ids, text, "\uE000", "\uE001");
            for (var entry : highlights.entrySet()) {
                for (String snippet : entry.getValue()) {
                    String plain = snippet.replace("\uE000", "").replace("\uE001", "");
                    assertThat(TEXTS.get(entry.getKey())).as(text).anyMatch(t -> t.contains(plain));
                    int at = 0;
                    while ((at = snippet.indexOf('\uE000', at)) >= 0) {
                        int end = snippet.indexOf('\uE001', at);
                        assertThat(end).as(snippet).isGreaterThan(at);
                        assertThat(terms(snippet.substring(at + 1, end))).as(snippet).containsAnyElementsOf(searched);
                        at = end;
                        marked++;
                    }
                }
                assertThat(entry.getValue().size()).isLessThanOrEqualTo(2 * TicketHighlights.PER_FIELD);
            }
        }
        assertThat(marked).as("marks made").isGreaterThan(100);
    }

    @Test
    void aTicketNotInTheIndexGetsNoHighlights() throws IOException {
        assertThat(TicketHighlights.of(reader, List.of(TICKETS + 1L), "退款", "[", "]")).isEmpty();
    }

    @Test
    void anIndexWithHibernateSearchsOldTextFieldsIsOutdated() throws IOException {
        assertThat(TicketSearch.outdated(reader)).isFalse();
        try (Directory old = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(old, new IndexWriterConfig(TextAnalyzer.shared()))) {
                Document doc = new Document();
                doc.add(TicketTextBinder.textField("entries.body", "快递丢失包裹"));
                writer.addDocument(doc);
            }
            try (DirectoryReader oldReader = DirectoryReader.open(old)) {
                assertThat(TicketSearch.outdated(oldReader)).isTrue();
            }
        }
    }

    private static String junk(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1 + random.nextInt(30); i > 0; i--) {
            int cp = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> 0x4E00 + random.nextInt(0x5000);
                case 2 -> 0x1F300 + random.nextInt(0x300);
                default -> random.nextInt(0x3000);
            };
            if (Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                sb.appendCodePoint(cp);
            }
        }
        if (random.nextBoolean()) {
            sb.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private static Set<String> terms(String text) throws IOException {
        Set<String> terms = new HashSet<>();
        try (TokenStream stream = TextAnalyzer.shared().tokenStream("any", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
