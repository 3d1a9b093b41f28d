package org.kefu.portal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SignInLinks extends JpaRepository<SignInLink, Long> {

    Optional<SignInLink> findByTokenHash(String tokenHash);

    /** Marks a link used unless someone else did first; 1 if this call won. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update SignInLink l set l.usedAt = :now where l.id = :id and l.usedAt is null")
    int markUsed(long id, Instant now);
}
