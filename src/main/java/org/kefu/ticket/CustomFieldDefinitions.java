package org.kefu.ticket;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomFieldDefinitions extends JpaRepository<CustomFieldDefinition, Long> {

    Optional<CustomFieldDefinition> findByKey(String key);

    List<CustomFieldDefinition> findAllByOrderByPositionAscIdAsc();
}
