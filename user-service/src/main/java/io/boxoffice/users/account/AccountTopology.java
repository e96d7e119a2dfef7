package io.boxoffice.users.account;

import io.boxoffice.common.Stores;
import io.boxoffice.common.Topics;
import io.boxoffice.common.deadletter.DeadLetters;
import io.boxoffice.common.kafka.JsonSerde;
import io.boxoffice.common.kafka.TolerantSerde;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The user-service's Streams topology, built the same way in production and in tests:
 * {@code USER_COMMANDS → AccountDecider(ACCOUNTS) → USERS + USER_REPLIES}, and what it cannot decide to
 * {@code USER_COMMANDS_DLQ}. The store is persistent
 * (RocksDB) with a changelog, and uncached: an account is written about once (at registration), so a
 * record cache would fold no writes. (Caching would not hide decisions from interactive queries, which read
 * the cache first; see the processor's BookingTopology.)
 */
final class AccountTopology {
    static final String SOURCE = "user-commands-source";

    private AccountTopology() {
    }

    static Topology build() {
        // An undecodable stored account reads as absent, never as a failed read.
        StoreBuilder<KeyValueStore<String, Account>> store = org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore(Stores.ACCOUNTS),
                Serdes.String(), TolerantSerde.of(JsonSerde.of(Account.class)));
        return new Topology()
                // Raw bytes: the decider reads the command itself, so an unreadable one is a dead letter.
                .addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                        Topics.USER_COMMANDS)
                .addProcessor(AccountDecider.NAME, AccountDecider::new, SOURCE)
                .addStateStore(store, AccountDecider.NAME)
                .addSink(AccountDecider.USERS_SINK, Topics.USERS, Serdes.String().serializer(),
                        JsonSerde.of(Account.class), AccountDecider.NAME)
                .addSink(AccountDecider.REPLIES_SINK, Topics.USER_REPLIES, Serdes.String().serializer(),
                        JsonSerde.of(AccountReply.class), new ReplyPartitioner(), AccountDecider.NAME)
                .addSink(AccountDecider.DEAD_LETTERS_SINK, Topics.USER_COMMANDS_DLQ, Serdes.String().serializer(),
                        Serdes.ByteArray().serializer(), AccountDecider.NAME);
    }

    /**
     * The Streams settings this topology needs beside the shared ones: a failure the decider does not catch
     * itself is dead-lettered by Streams and the partition goes on.
     */
    static Properties routeFailures(Properties config) {
        return DeadLetters.route(config, Topics.USER_COMMANDS_DLQ);
    }
}
