package org.kefu.channel.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits and targets of the live chat ({@code kefu.chat.*}).
 *
 * @param maxMessageChars      longest visitor or agent chat message
 * @param visitorPerMinute     messages one visitor (token) may send a minute
 * @param ipPerMinute          messages and new conversations one IP address may send a minute
 * @param firstResponseTarget  the chat norm: first agent answer after the chat starts waiting
 * @param solutionTarget       the chat norm: solved after the chat starts waiting
 * @param defaultWait          estimated wait per queue position while no chat has been accepted yet
 */
@ConfigurationProperties("kefu.chat")
public record ChatSettings(Integer maxMessageChars, Integer visitorPerMinute, Integer ipPerMinute,
        Duration firstResponseTarget, Duration solutionTarget, Duration defaultWait) {

    public ChatSettings {
        maxMessageChars = maxMessageChars == null ? 2000 : maxMessageChars;
        visitorPerMinute = visitorPerMinute == null ? 20 : visitorPerMinute;
        ipPerMinute = ipPerMinute == null ? 60 : ipPerMinute;
        firstResponseTarget = firstResponseTarget == null ? Duration.ofSeconds(15) : firstResponseTarget;
        solutionTarget = solutionTarget == null ? Duration.ofMinutes(3) : solutionTarget;
        defaultWait = defaultWait == null ? Duration.ofSeconds(60) : defaultWait;
    }
}
