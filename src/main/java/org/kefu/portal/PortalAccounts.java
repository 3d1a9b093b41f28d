package org.kefu.portal;

import org.springframework.data.jpa.repository.JpaRepository;

interface PortalAccounts extends JpaRepository<PortalAccount, Long> {
}
