package org.kefu.ticket;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketLinks extends JpaRepository<TicketLink, Long> {

    @Query("select l from TicketLink l where l.sourceId = :ticketId or l.targetId = :ticketId order by l.id")
    List<TicketLink> findAllTouching(long ticketId);

    @Query("select count(l) from TicketLink l where l.sourceId = :ticketId or l.targetId = :ticketId")
    long countTouching(long ticketId);

    Optional<TicketLink> findBySourceIdAndTargetIdAndKind(long sourceId, long targetId, TicketLink.Kind kind);
}
