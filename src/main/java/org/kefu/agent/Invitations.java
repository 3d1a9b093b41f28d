package org.kefu.agent;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Invitations extends JpaRepository<Invitation, Long> {

    @Query("select i from Invitation i join fetch i.agent where i.tokenHash = :hash")
    Optional<Invitation> findByTokenHash(String hash);

    @Query("select i from Invitation i where i.agent.id = :agentId and i.usedAt is null")
    List<Invitation> findOpenByAgent(long agentId);
}
