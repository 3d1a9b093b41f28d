package org.kefu.agent;

import java.util.List;
import java.util.Optional;
import org.kefu.platform.Role;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Agents extends JpaRepository<Agent, Long> {

    Optional<Agent> findByEmail(String email);

    boolean existsByRole(Role role);

    List<Agent> findAllByOrderByDisplayNameAscIdAsc();
}
