package org.kefu.agent;

import java.util.List;
import java.util.Optional;
import org.kefu.platform.Role;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Agents extends JpaRepository<Agent, Long> {

    Optional<Agent> findByEmail(String email);

    boolean existsByRole(Role role);

    List<Agent> findAllByOrderByDisplayNameAscIdAsc();

    @Query("""
            select distinct a from Agent a join a.departments d
            where a.active = true and a.presence = :presence and d.id = :departmentId
            order by a.displayName, a.id""")
    List<Agent> findByPresenceInDepartment(Presence presence, long departmentId);

    @Query("""
            select distinct a from Agent a join a.departments d join a.teams t
            where a.active = true and a.presence = :presence and d.id = :departmentId and t.id = :teamId
            order by a.displayName, a.id""")
    List<Agent> findByPresenceInTeam(Presence presence, long departmentId, long teamId);
}
