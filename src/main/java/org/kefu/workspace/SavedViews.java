package org.kefu.workspace;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SavedViews extends JpaRepository<SavedView, Long> {

    List<SavedView> findByAgentIdOrderByNameAsc(long agentId);

    Optional<SavedView> findByIdAndAgentId(long id, long agentId);

    Optional<SavedView> findByAgentIdAndName(long agentId, String name);

    long countByAgentId(long agentId);
}
