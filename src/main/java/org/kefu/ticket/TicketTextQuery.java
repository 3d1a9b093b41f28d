package org.kefu.ticket;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.kefu.customer.PhoneNumbers;
import org.kefu.platform.search.TextAnalyzer;

/**
 * The Lucene query for what a user typed into ticket search: any of its words in the subject (weight 3), a message
 * or note (1), the customer's name (2) or email (1 as words, 5 as the whole address), or the whole text as the
 * ticket number (10) or, with five digits or more, a customer's phone number (5). It is one flat disjunction of term
 * queries — the same scores as one sub-query per field, but Lucene's top-hits scoring skips far more documents when
 * it sees every term at one level.
 */
final class TicketTextQuery {

    private TicketTextQuery() {
    }

    static Query of(String text) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        addWords(any, TicketTextBinder.SUBJECT, text, 3f);
        addWords(any, TicketTextBinder.BODY, text, 1f);
        addWords(any, "customer.name", text, 2f);
        addWords(any, "customer.emails.email_text", text, 1f);
        any.add(boost(new TermQuery(keyword("customer.emails.email", text)), 5f), BooleanClause.Occur.SHOULD);
        any.add(boost(new TermQuery(keyword("number", text)), 10f), BooleanClause.Occur.SHOULD);
        String digits = PhoneNumbers.digits(text).replace("+", "");
        if (digits.length() >= 5) {
            // stored with a leading + when the customer's number had one; people type it either way
            Query phone = new ConstantScoreQuery(new TermInSetQuery("customer.phones.phoneDigits",
                    List.of(new BytesRef(digits), new BytesRef("+" + digits))));
            any.add(boost(phone, 5f), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    /** Any of the text's words in the subject or a message: what the highlighter marks. */
    static Query highlighted(String text) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        addWords(any, TicketTextBinder.SUBJECT, text, 1f);
        addWords(any, TicketTextBinder.BODY, text, 1f);
        return any.build();
    }

    private static void addWords(BooleanQuery.Builder any, String field, String text, float weight) {
        Query words = new QueryBuilder(TextAnalyzer.shared()).createBooleanQuery(field, text);
        if (words instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0
                && bool.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD)) {
            for (BooleanClause clause : bool.clauses()) {
                any.add(boost(clause.getQuery(), weight), BooleanClause.Occur.SHOULD);
            }
        } else if (words != null) {
            any.add(boost(words, weight), BooleanClause.Occur.SHOULD);
        }
    }

    private static Term keyword(String field, String text) {
        return new Term(field, TextAnalyzer.normalizeKeyword(field, text));
    }

    private static Query boost(Query query, float weight) {
        return weight == 1f ? query : new BoostQuery(query, weight);
    }
}
