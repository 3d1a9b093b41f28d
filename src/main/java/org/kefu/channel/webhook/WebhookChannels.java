package org.kefu.channel.webhook;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookChannels extends JpaRepository<WebhookChannel, Long> {

    Optional<WebhookChannel> findByKey(String key);

    List<WebhookChannel> findAllByOrderByNameAscIdAsc();
}
