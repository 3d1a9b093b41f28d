package org.kefu.customer;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Organisations extends JpaRepository<Organisation, Long> {

    Optional<Organisation> findByName(String name);
}
