package io.boxoffice.gateway.seatstream;

import io.boxoffice.gateway.GatewayProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The feed behind the live seat streams; off where there is no Kafka to read (the HTTP layer's tests). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "boxoffice.gateway.seat-stream.feed-enabled", havingValue = "true", matchIfMissing = true)
class SeatStreamConfig {

    @Bean
    SeatFeed seatFeed(GatewayProperties properties, SeatChannels channels) {
        return new SeatFeed(properties, channels);
    }

    /** UP only while every partition of the feed is read: otherwise streams would miss changes. */
    @Bean
    HealthIndicator seatFeedHealth(SeatFeed seatFeed) {
        return () -> (seatFeed.reading() ? Health.up() : Health.down()).build();
    }
}
