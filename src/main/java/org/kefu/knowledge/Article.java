package org.kefu.knowledge;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.kefu.platform.UnprocessableException;

/** One topic of the knowledge base; its text lives in one {@link ArticleVariant} per language. */
@Entity
@Table(name = "kb_article")
public class Article {

    @Id
    @GenericField
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "kb_article_seq")
    @SequenceGenerator(name = "kb_article_seq", sequenceName = "kb_article_seq", allocationSize = 50)
    Long id;

    @GenericField
    @Column(name = "category_id")
    Long categoryId;

    @GenericField
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    ArticleState state;

    @GenericField
    @Column(nullable = false)
    boolean internal;

    @Column(name = "default_language", nullable = false)
    String defaultLanguage;

    @KeywordField
    @ElementCollection
    @CollectionTable(name = "kb_article_tag", joinColumns = @JoinColumn(name = "article_id"))
    @Column(name = "tag")
    Set<String> tags = new LinkedHashSet<>();

    @OneToMany(mappedBy = "article")
    List<ArticleVariant> variants = new ArrayList<>();

    @Column(name = "created_by_id", nullable = false)
    long createdById;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "published_at")
    Instant publishedAt;

    @Version
    long version;

    protected Article() {
    }

    Article(Long categoryId, boolean internal, ArticleLanguage defaultLanguage, Collection<String> tags, long createdById,
            Instant now) {
        this.categoryId = categoryId;
        this.internal = internal;
        this.defaultLanguage = defaultLanguage.tag();
        this.tags.addAll(tags);
        this.createdById = createdById;
        this.state = ArticleState.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void describe(Long categoryId, boolean internal, ArticleLanguage defaultLanguage, Collection<String> tags, Instant now) {
        this.categoryId = categoryId;
        this.internal = internal;
        this.defaultLanguage = defaultLanguage.tag();
        this.tags.clear();
        this.tags.addAll(tags);
        this.updatedAt = now;
    }

    void publish(Instant now) {
        if (state == ArticleState.PUBLISHED) {
            return;
        }
        if (variants.isEmpty()) {
            throw new UnprocessableException("An article needs at least one language variant before it can be published.");
        }
        if (variant(defaultLanguage()).isEmpty()) {
            throw new UnprocessableException("The article has no variant in its default language " + defaultLanguage + ".");
        }
        state = ArticleState.PUBLISHED;
        publishedAt = now;
        updatedAt = now;
    }

    void unpublish(Instant now) {
        state = ArticleState.DRAFT;
        updatedAt = now;
    }

    void archive(Instant now) {
        state = ArticleState.ARCHIVED;
        updatedAt = now;
    }

    void touch(Instant now) {
        updatedAt = now;
    }

    void add(ArticleVariant variant) {
        variants.add(variant);
    }

    public Optional<ArticleVariant> variant(ArticleLanguage language) {
        return variants.stream().filter(v -> v.getLanguage() == language).findFirst();
    }

    /** The variant in the language asked for, else in the article's default language, else any. */
    public Optional<ArticleVariant> variantFor(ArticleLanguage wanted) {
        Optional<ArticleVariant> exact = wanted == null ? Optional.empty() : variant(wanted);
        if (exact.isPresent()) {
            return exact;
        }
        return variant(defaultLanguage()).or(() -> variants.stream().findFirst());
    }

    public boolean isPublic() {
        return state == ArticleState.PUBLISHED && !internal;
    }

    public Long getId() {
        return id;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public ArticleState getState() {
        return state;
    }

    public boolean isInternal() {
        return internal;
    }

    public ArticleLanguage defaultLanguage() {
        return ArticleLanguage.ofTag(defaultLanguage).orElse(ArticleLanguage.ZH_CN);
    }

    public Set<String> getTags() {
        return Set.copyOf(tags);
    }

    public List<ArticleVariant> getVariants() {
        return List.copyOf(variants);
    }

    public long getCreatedById() {
        return createdById;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public long getVersion() {
        return version;
    }
}
