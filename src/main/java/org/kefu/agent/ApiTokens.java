package org.kefu.agent;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApiTokens extends JpaRepository<ApiToken, Long> {

    @Query("select t from ApiToken t join fetch t.agent a left join fetch a.departments left join fetch a.teams where t.tokenHash = :hash")
    Optional<ApiToken> findByHashWithAgent(String hash);

    @Query("select t from ApiToken t join fetch t.agent order by t.createdAt desc, t.id desc")
    List<ApiToken> findAllWithAgent();
}
