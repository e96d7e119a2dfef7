package io.boxoffice.users.account;

import io.boxoffice.common.Stores;
import io.boxoffice.common.Topics;
import io.boxoffice.common.kafka.JsonSerde;
import io.boxoffice.common.streams.BaseStreamsConfig;
import io.boxoffice.users.session.LoginThrottle;
import io.boxoffice.users.session.RefreshLine;
import io.boxoffice.users.session.SessionPolicy;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The production account topology in a {@link TopologyTestDriver}, for tests of the HTTP layer that need real
 * decisions without a broker: a command goes in with the wall-clock time as its timestamp, its reply comes out.
 */
public final class DeciderStandIn implements AutoCloseable {
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, AccountCommand> commands;
    private final TestOutputTopic<String, AccountReply> replies;

    public DeciderStandIn(Path stateDir) {
        driver = new TopologyTestDriver(AccountTopology.build(SessionPolicy.DEFAULTS), AccountTopology.routeFailures(
                new BaseStreamsConfig(AccountKafkaConfig.APPLICATION_ID, "unused:9092", stateDir.toString(), 10,
                        "127.0.0.1:8081", 1, 1, 0).toProperties()));
        commands = driver.createInputTopic(Topics.USER_COMMANDS, Serdes.String().serializer(),
                JsonSerde.of(AccountCommand.class));
        replies = driver.createOutputTopic(Topics.USER_REPLIES, Serdes.String().deserializer(),
                JsonSerde.of(AccountReply.class));
    }

    /** Decides {@code command} as its username's single writer would, now. */
    public AccountReply decide(AccountCommand command) {
        return decide(command, Instant.now());
    }

    /** Decides {@code command} with the timestamp {@code at}. */
    public synchronized AccountReply decide(AccountCommand command, Instant at) {
        commands.pipeInput(new TestRecord<>(command.key(), command, at));
        return replies.readValuesToList().stream().filter(reply -> reply.requestId().equals(command.requestId()))
                .reduce((first, last) -> last).orElseThrow();
    }

    /** Lets the decider's wall-clock punctuations run as if {@code by} had passed. */
    public synchronized void advanceWallClock(java.time.Duration by) {
        driver.advanceWallClockTime(by);
    }

    public KeyValueStore<String, Account> accounts() {
        return driver.getKeyValueStore(Stores.ACCOUNTS);
    }

    public KeyValueStore<String, LoginThrottle> throttles() {
        return driver.getKeyValueStore(Stores.LOGIN_THROTTLES);
    }

    public KeyValueStore<String, RefreshLine> lines() {
        return driver.getKeyValueStore(Stores.SESSIONS);
    }

    @Override
    public synchronized void close() {
        driver.close();
    }
}
