package org.kefu.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfig {

    /** All code reads time through this clock, so tests can set the time instead of sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
