package org.kefu.agent;

import java.util.List;
import java.util.Optional;
import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokens extends JpaRepository<ApiToken, Long> {

    @Query("select t from ApiToken t join fetch t.agent a left join fetch a.departments left join fetch a.teams where t.tokenHash = :hash")
    Optional<ApiToken> findByHashWithAgent(String hash);

    /** Writes when a token was last used; callers throttle this (at most once a minute per token). */
    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id")
    int recordUse(long id, Instant now);

    @Query("select t from ApiToken t join fetch t.agent order by t.createdAt desc, t.id desc")
    List<ApiToken> findAllWithAgent();
}
