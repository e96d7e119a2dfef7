package io.boxoffice.gateway.command;

import io.boxoffice.common.Topics;
import io.boxoffice.common.booking.BookingCommand;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.kafka.JsonSerde;
import io.boxoffice.common.kafka.RequestReplyClient;
import io.boxoffice.gateway.GatewayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires this instance's command producer and reply partition (their Kafka metrics go to /actuator/prometheus). */
@Configuration
class CommandClientConfig {

    @Bean
    RequestReplyClient<BookingCommand, CommandReply> bookingCommandClient(GatewayProperties properties,
                                                                          ObjectProvider<MeterRegistry> meters) {
        return new RequestReplyClient<>(new RequestReplyClient.Settings(
                properties.bootstrapServers(), "api-gateway-" + properties.instance(),
                Topics.BOOKING_COMMANDS, Topics.BOOKING_REPLIES, properties.instance(),
                properties.replyTimeout(), properties.lingerMs()),
                JsonSerde.of(BookingCommand.class), JsonSerde.of(CommandReply.class), CommandReply::requestId,
                meters.getIfAvailable());
    }

    /** UP only while commands can be written and this instance's replies are read. */
    @Bean
    HealthIndicator kafka(RequestReplyClient<BookingCommand, CommandReply> client) {
        return () -> (client.ready() ? Health.up() : Health.down())
                .withDetail("inFlight", client.inFlight()).build();
    }
}
