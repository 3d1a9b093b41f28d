package org.kefu.agent;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Teams extends JpaRepository<Team, Long> {

    List<Team> findAllByOrderByNameAsc();
}
