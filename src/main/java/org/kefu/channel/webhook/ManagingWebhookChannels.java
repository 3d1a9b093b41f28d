package org.kefu.channel.webhook;

import org.kefu.platform.security.SecretBox;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.kefu.agent.AgentDirectory;
import org.kefu.agent.Team;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.security.Secrets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admins set up webhook channels: each gets a random key (in its URL) and a shared secret shown once. */
@Service
@Transactional
public class ManagingWebhookChannels {

    private final WebhookChannels channels;
    private final SecretBox secrets;
    private final AgentDirectory agents;
    private final Clock clock;

    ManagingWebhookChannels(WebhookChannels channels, SecretBox secrets, AgentDirectory agents, Clock clock) {
        this.channels = channels;
        this.secrets = secrets;
        this.agents = agents;
        this.clock = clock;
    }

    /** A channel with its secret in clear: only returned right after it was made. */
    public record WithSecret(WebhookChannel channel, String secret) {
    }

    @Transactional(readOnly = true)
    public List<WebhookChannel> list() {
        return channels.findAllByOrderByNameAscIdAsc();
    }

    @Transactional(readOnly = true)
    public WebhookChannel get(long id) {
        return channels.findById(id).orElseThrow(() -> new NotFoundException("Webhook channel", id));
    }

    public WithSecret create(WebhookChannelInput input) {
        Placement placement = placement(input);
        String secret = Secrets.newSecret();
        WebhookChannel channel = channels.save(new WebhookChannel(input.name().strip(), Secrets.newSecret(),
                secrets.encrypt(secret), callbackUrl(input.callbackUrl()), input.source(), placement.departmentId(),
                placement.teamId(), clock.instant()));
        if (Boolean.FALSE.equals(input.active())) {
            channel.change(channel.getName(), channel.getCallbackUrl(), channel.getSource(), channel.getDepartmentId(),
                    channel.getTeamId(), false, clock.instant());
        }
        return new WithSecret(channel, secret);
    }

    public WebhookChannel update(long id, WebhookChannelInput input) {
        WebhookChannel channel = get(id);
        Placement placement = placement(input);
        channel.change(input.name().strip(), callbackUrl(input.callbackUrl()), input.source(), placement.departmentId(),
                placement.teamId(), input.active() == null ? channel.isActive() : input.active(), clock.instant());
        return channel;
    }

    /** A new secret; the old one stops working at once. */
    public WithSecret rotateSecret(long id) {
        WebhookChannel channel = get(id);
        String secret = Secrets.newSecret();
        channel.replaceSecret(secrets.encrypt(secret), clock.instant());
        return new WithSecret(channel, secret);
    }

    /** The channel's secret in clear, for checking and signing; never shown. */
    @Transactional(readOnly = true)
    String secretOf(WebhookChannel channel) {
        return secrets.decrypt(channel.secretCipher());
    }

    private record Placement(Long departmentId, Long teamId) {
    }

    private Placement placement(WebhookChannelInput input) {
        Long department = input.departmentId();
        if (department != null) {
            try {
                agents.department(department);
            } catch (NotFoundException e) {
                throw InvalidRequestException.of("departmentId", "no department " + department);
            }
        }
        if (input.teamId() != null) {
            Team team;
            try {
                team = agents.team(input.teamId());
            } catch (NotFoundException e) {
                throw InvalidRequestException.of("teamId", "no team " + input.teamId());
            }
            if (department != null && team.getDepartment().getId() != department.longValue()) {
                throw InvalidRequestException.of("teamId", "team " + input.teamId() + " is not in department " + department);
            }
            department = team.getDepartment().getId();
        }
        return new Placement(department, input.teamId());
    }

    static String callbackUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw InvalidRequestException.of("callbackUrl", "must be an http or https URL");
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("callbackUrl", "must be an http or https URL");
        }
    }
}
