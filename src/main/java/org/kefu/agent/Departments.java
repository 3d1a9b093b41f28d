package org.kefu.agent;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Departments extends JpaRepository<Department, Long> {

    Optional<Department> findByCode(String code);

    Optional<Department> findFirstByDefaultDepartmentTrue();

    List<Department> findAllByOrderByNameAsc();
}
