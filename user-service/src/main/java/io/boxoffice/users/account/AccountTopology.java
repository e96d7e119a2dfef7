package io.boxoffice.users.account;

import io.boxoffice.common.Stores;
import io.boxoffice.common.Topics;
import io.boxoffice.common.kafka.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The user-service's Streams topology, built the same way in production and in tests:
 * {@code USER_COMMANDS → AccountDecider(ACCOUNTS) → USERS + USER_REPLIES}. The store is persistent
 * (RocksDB) with a changelog, and uncached: an account is written about once (at registration), so a
 * record cache would fold no writes. (Caching would not hide decisions from interactive queries, which read
 * the cache first; see the processor's BookingTopology.)
 */
final class AccountTopology {
    static final String SOURCE = "user-commands-source";

    private AccountTopology() {
    }

    static Topology build() {
        StoreBuilder<KeyValueStore<String, Account>> store = org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.persistentKeyValueStore(Stores.ACCOUNTS),
                Serdes.String(), JsonSerde.of(Account.class));
        return new Topology()
                .addSource(SOURCE, Serdes.String().deserializer(), JsonSerde.of(AccountCommand.class),
                        Topics.USER_COMMANDS)
                .addProcessor(AccountDecider.NAME, AccountDecider::new, SOURCE)
                .addStateStore(store, AccountDecider.NAME)
                .addSink(AccountDecider.USERS_SINK, Topics.USERS, Serdes.String().serializer(),
                        JsonSerde.of(Account.class), AccountDecider.NAME)
                .addSink(AccountDecider.REPLIES_SINK, Topics.USER_REPLIES, Serdes.String().serializer(),
                        JsonSerde.of(AccountReply.class), new ReplyPartitioner(), AccountDecider.NAME);
    }
}
