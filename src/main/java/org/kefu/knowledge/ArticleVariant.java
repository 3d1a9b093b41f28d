package org.kefu.knowledge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.backend.types.TermVector;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.DocumentId;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.kefu.platform.search.KefuAnalysisConfigurer;

/**
 * An article's text in one language: title, URL slug, Markdown body and the questions it answers. Each variant is
 * one search document, carrying its article's state, visibility, category and tags for filtering.
 */
@Entity
@Table(name = "kb_variant")
@Indexed(index = "knowledge_variant")
public class ArticleVariant {

    @Id
    @DocumentId
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "kb_variant_seq")
    @SequenceGenerator(name = "kb_variant_seq", sequenceName = "kb_variant_seq", allocationSize = 50)
    Long id;

    @IndexedEmbedded(includePaths = {"id", "state", "internal", "categoryId", "tags"})
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    Article article;

    @KeywordField
    @Column(nullable = false)
    String language;

    @FullTextField(analyzer = KefuAnalysisConfigurer.TEXT, projectable = Projectable.YES,
            highlightable = Highlightable.UNIFIED,
            termVector = TermVector.WITH_POSITIONS_OFFSETS)
    @Column(nullable = false, length = 300)
    String title;

    @Column(nullable = false, length = 120)
    String slug;

    @FullTextField(analyzer = KefuAnalysisConfigurer.TEXT, highlightable = Highlightable.UNIFIED,
            termVector = TermVector.WITH_POSITIONS_OFFSETS)
    @Column(nullable = false, length = 200_000)
    String body;

    @FullTextField(analyzer = KefuAnalysisConfigurer.TEXT)
    @Column(nullable = false, length = 4000)
    String questions;

    @Column(name = "version_no", nullable = false)
    int versionNo;

    @GenericField(sortable = Sortable.YES)
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "updated_by_id", nullable = false)
    long updatedById;

    protected ArticleVariant() {
    }

    ArticleVariant(Article article, ArticleLanguage language) {
        this.article = article;
        this.language = language.tag();
    }

    /** Replaces the text and returns the new version number. */
    int write(VariantText text, long actorId, Instant now) {
        this.title = text.title();
        this.slug = text.slug();
        this.body = text.body();
        this.questions = String.join("\n", text.questions());
        this.versionNo++;
        this.updatedAt = now;
        this.updatedById = actorId;
        return versionNo;
    }

    public Long getId() {
        return id;
    }

    public Article getArticle() {
        return article;
    }

    public ArticleLanguage getLanguage() {
        return ArticleLanguage.ofTag(language).orElseThrow();
    }

    public String getTitle() {
        return title;
    }

    public String getSlug() {
        return slug;
    }

    public String getBody() {
        return body;
    }

    public List<String> getQuestions() {
        return questions.isBlank() ? List.of() : Arrays.stream(questions.split("\n")).filter(q -> !q.isBlank()).toList();
    }

    public int getVersionNo() {
        return versionNo;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getUpdatedById() {
        return updatedById;
    }

    public VariantText text() {
        return new VariantText(title, slug, body, getQuestions());
    }

    /** The public help-centre path, e.g. {@code /help/zh-CN/12-退款政策}. */
    public String helpPath() {
        return "/help/" + language + "/" + article.getId() + "-" + slug;
    }
}
