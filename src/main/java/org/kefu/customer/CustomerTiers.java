package org.kefu.customer;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomerTiers extends JpaRepository<CustomerTier, Long> {

    Optional<CustomerTier> findByCode(String code);

    List<CustomerTier> findAllByOrderByRankDesc();
}
