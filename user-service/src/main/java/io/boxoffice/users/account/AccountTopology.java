package io.boxoffice.users.account;

import io.boxoffice.common.Stores;
import io.boxoffice.common.Topics;
import io.boxoffice.common.deadletter.DeadLetters;
import io.boxoffice.common.kafka.JsonSerde;
import io.boxoffice.common.kafka.TolerantSerde;
import io.boxoffice.users.session.LoginThrottle;
import io.boxoffice.users.session.RefreshLine;
import io.boxoffice.users.session.SessionPolicy;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The user-service's Streams topology, built the same way in production and in tests:
 * {@code USER_COMMANDS → AccountDecider(ACCOUNTS, LOGIN_THROTTLES, SESSIONS) → USERS + USER_REPLIES}, and what it
 * cannot decide to {@code USER_COMMANDS_DLQ}. The stores are persistent (RocksDB) with changelogs, so a restart or
 * another instance forgets no lock and no line, and uncached: each decision is answered at once, and an account
 * is written about once, a line once per refresh, so a record cache would fold next to nothing.
 */
final class AccountTopology {
    static final String SOURCE = "user-commands-source";

    private AccountTopology() {
    }

    static Topology build(SessionPolicy policy) {
        return new Topology()
                // Raw bytes: the decider reads the command itself, so an unreadable one is a dead letter.
                .addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                        Topics.USER_COMMANDS)
                .addProcessor(AccountDecider.NAME, () -> new AccountDecider(policy), SOURCE)
                .addStateStore(store(Stores.ACCOUNTS, Account.class), AccountDecider.NAME)
                .addStateStore(store(Stores.LOGIN_THROTTLES, LoginThrottle.class), AccountDecider.NAME)
                .addStateStore(store(Stores.SESSIONS, RefreshLine.class), AccountDecider.NAME)
                .addSink(AccountDecider.USERS_SINK, Topics.USERS, Serdes.String().serializer(),
                        JsonSerde.of(Account.class), AccountDecider.NAME)
                .addSink(AccountDecider.REPLIES_SINK, Topics.USER_REPLIES, Serdes.String().serializer(),
                        JsonSerde.of(AccountReply.class), new ReplyPartitioner(), AccountDecider.NAME)
                .addSink(AccountDecider.DEAD_LETTERS_SINK, Topics.USER_COMMANDS_DLQ, Serdes.String().serializer(),
                        Serdes.ByteArray().serializer(), AccountDecider.NAME);
    }

    /** An undecodable stored value reads as absent, never as a failed read. */
    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Class<V> type) {
        return org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore(name),
                Serdes.String(), TolerantSerde.of(JsonSerde.of(type)));
    }

    /**
     * The Streams settings this topology needs beside the shared ones: a failure the decider does not catch
     * itself is dead-lettered by Streams and the partition goes on.
     */
    static Properties routeFailures(Properties config) {
        return DeadLetters.route(config, Topics.USER_COMMANDS_DLQ);
    }
}
