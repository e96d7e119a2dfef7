package io.boxoffice.users.account;

import io.boxoffice.common.Topics;
import io.boxoffice.common.kafka.JsonSerde;
import io.boxoffice.common.kafka.RequestReplyClient;
import io.boxoffice.common.streams.BaseStreamsConfig;
import io.boxoffice.common.streams.StreamsHealthIndicator;
import io.boxoffice.common.streams.StreamsRuntime;
import io.boxoffice.users.UsersProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires this instance's Kafka parts: the account decider's Streams runtime and the client that sends commands
 * and reads this instance's reply partition. The service is healthy only while both run.
 */
@Configuration(proxyBeanMethods = false)
class AccountKafkaConfig {
    static final String APPLICATION_ID = "user-service";

    @Bean
    StreamsRuntime accountStreams(UsersProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new StreamsRuntime(AccountTopology.build(properties.sessions().policy()), AccountTopology.routeFailures(new BaseStreamsConfig(
                APPLICATION_ID, properties.bootstrapServers(), properties.stateDir(), properties.commitIntervalMs(),
                properties.applicationServer(), properties.replicationFactor(), properties.minInsyncReplicas(),
                properties.standbyReplicas()).toProperties()), meters.getIfAvailable());
    }

    @Bean
    RequestReplyClient<AccountCommand, AccountReply> accountCommandClient(UsersProperties properties,
                                                                          ObjectProvider<MeterRegistry> meters) {
        return new RequestReplyClient<>(new RequestReplyClient.Settings(properties.bootstrapServers(),
                APPLICATION_ID + "-" + properties.instance(), Topics.USER_COMMANDS, Topics.USER_REPLIES,
                properties.instance(), properties.replyTimeout(), 0),
                JsonSerde.of(AccountCommand.class), JsonSerde.of(AccountReply.class), AccountReply::requestId,
                meters.getIfAvailable());
    }

    @Bean
    HealthIndicator streams(StreamsRuntime accountStreams) {
        return new StreamsHealthIndicator(accountStreams);
    }

    /** UP only while commands can be written and this instance's replies are read. */
    @Bean
    HealthIndicator kafka(RequestReplyClient<AccountCommand, AccountReply> accountCommandClient) {
        return () -> (accountCommandClient.ready() ? Health.up() : Health.down())
                .withDetail("inFlight", accountCommandClient.inFlight()).build();
    }
}
