package org.kefu.ticket;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ComplaintTypes extends JpaRepository<ComplaintType, Long> {

    Optional<ComplaintType> findByCode(String code);

    List<ComplaintType> findAllByOrderByPositionAscIdAsc();
}
