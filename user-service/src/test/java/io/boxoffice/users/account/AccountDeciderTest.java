package io.boxoffice.users.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.Stores;
import io.boxoffice.common.Topics;
import io.boxoffice.common.deadletter.DeadLetterReason;
import io.boxoffice.common.deadletter.DeadLetters;
import io.boxoffice.common.kafka.JsonSerde;
import io.boxoffice.common.streams.BaseStreamsConfig;
import io.boxoffice.users.account.AccountCommand.Type;
import io.boxoffice.users.account.AccountReply.Outcome;
import io.boxoffice.users.session.SessionPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account decider, driven through the production topology and Streams configuration. */
class AccountDeciderTest {
    private static final String HASH = "$2a$10$abcdefghijklmnopqrstuuMlQbZ1q2vXoYc4s8wZ9g7p2m3n4o5p6";
    /** The test driver gives every topic one partition. */
    private static final int REPLY_PARTITION = 0;

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, AccountCommand> commands;
    private TestOutputTopic<String, AccountReply> replies;
    private TestOutputTopic<String, Account> users;
    private KeyValueStore<String, Account> store;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, byte[]> deadLetters;

    @BeforeEach
    void startDriver() {
        driver = new TopologyTestDriver(AccountTopology.build(SessionPolicy.DEFAULTS), AccountTopology.routeFailures(new BaseStreamsConfig(
                AccountKafkaConfig.APPLICATION_ID, "unused:9092", stateDir.toString(), 10, "127.0.0.1:8081", 1, 1, 0)
                .toProperties()));
        commands = driver.createInputTopic(Topics.USER_COMMANDS, Serdes.String().serializer(),
                JsonSerde.of(AccountCommand.class));
        replies = driver.createOutputTopic(Topics.USER_REPLIES, Serdes.String().deserializer(),
                JsonSerde.of(AccountReply.class));
        users = driver.createOutputTopic(Topics.USERS, Serdes.String().deserializer(), JsonSerde.of(Account.class));
        raw = driver.createInputTopic(Topics.USER_COMMANDS, Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        deadLetters = driver.createOutputTopic(Topics.USER_COMMANDS_DLQ, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        store = driver.getKeyValueStore(Stores.ACCOUNTS);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldCreateAccountAndAnswerCreatedWhenUsernameIsFree() {
        // given a fresh store
        // when
        send(command(Type.REGISTER, "req-1", "Alice"));
        // then
        AccountReply reply = onlyReply("req-1");
        assertThat(reply.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(reply.accountId()).isEqualTo("id-req-1");
        assertThat(reply.username()).isEqualTo("Alice");
        assertThat(reply.replyPartition()).isEqualTo(REPLY_PARTITION);
        List<KeyValue<String, Account>> published = users.readKeyValuesToList();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).key).isEqualTo("alice");
        assertThat(published.get(0).value.username()).isEqualTo("Alice");
        assertThat(published.get(0).value.roles()).containsExactly(Account.USER);
        assertThat(published.get(0).value.passwordHash()).isEqualTo(HASH);
        assertThat(store.get("alice").id()).isEqualTo("id-req-1");
    }

    @Test
    void shouldAnswerUsernameTakenAndPublishNothingWhenNameExistsInAnotherCase() {
        // given
        send(command(Type.REGISTER, "req-1", "alice"));
        replies.readKeyValuesToList();
        users.readKeyValuesToList();
        // when
        send(command(Type.REGISTER, "req-2", "ALICE"));
        // then
        assertThat(onlyReply("req-2").outcome()).isEqualTo(Outcome.USERNAME_TAKEN);
        assertThat(users.isEmpty()).isTrue();
        assertThat(store.get("alice").id()).isEqualTo("id-req-1");
        assertThat(store.get("alice").username()).isEqualTo("alice");
    }

    @Test
    void shouldAnswerTheOriginalCreatedWhenTheSameRequestIsRetried() {
        // given
        send(command(Type.REGISTER, "req-1", "bob"));
        AccountReply first = onlyReply("req-1");
        // when
        send(command(Type.REGISTER, "req-1", "bob"));
        // then
        AccountReply retried = onlyReply("req-1");
        assertThat(retried).isEqualTo(first);
        assertThat(retried.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(users.readKeyValuesToList()).hasSize(1);
    }

    @Test
    void shouldCreateThenUpdateAdminWhenEnsureAdminIsRepeated() {
        // given
        send(command(Type.ENSURE_ADMIN, "req-1", Account.ADMIN_USERNAME));
        AccountReply created = onlyReply("req-1");
        // when
        String newHash = HASH.replace('a', 'b');
        send(new AccountCommand(Type.ENSURE_ADMIN, "req-2", "id-req-2", Account.ADMIN_USERNAME, null, newHash,
                REPLY_PARTITION));
        // then
        assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(created.roles()).containsExactly(Account.USER, Account.ADMIN);
        AccountReply updated = onlyReply("req-2");
        assertThat(updated.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(updated.accountId()).isEqualTo(created.accountId());
        assertThat(store.get("admin").passwordHash()).isEqualTo(newHash);
        assertThat(users.readValuesToList()).extracting(Account::passwordHash).containsExactly(HASH, newHash);
    }

    @Test
    void shouldAnswerUsernameTakenWhenSomeoneRegistersTheAdminName() {
        // when
        send(command(Type.REGISTER, "req-1", "Admin"));
        // then
        assertThat(onlyReply("req-1").outcome()).isEqualTo(Outcome.USERNAME_TAKEN);
        assertThat(store.get("admin")).isNull();
    }

    @Test
    void shouldRejectAndStoreNothingWhenCommandIsKeyedByAnotherName() {
        // when
        commands.pipeInput("mallory", command(Type.REGISTER, "req-1", "alice"));
        // then
        assertThat(onlyReply("req-1").outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(users.isEmpty()).isTrue();
        assertThat(store.get("alice")).isNull();
        assertThat(onlyDeadLetterReason()).isEqualTo(DeadLetterReason.KEY_MISMATCH.code());
    }

    @Test
    void shouldDeadLetterAnswerRejectedAndDecideTheNextWhenValueIsNotACommand() {
        // given an unknown type from a newer producer, with a legible request id
        String json = "{\"type\":\"DELETE\",\"requestId\":\"req-9\",\"username\":\"alice\",\"replyPartition\":0}";

        // when
        raw.pipeInput("alice", json.getBytes(StandardCharsets.UTF_8));
        send(command(Type.REGISTER, "req-10", "alice"));

        // then
        List<KeyValue<String, AccountReply>> answered = replies.readKeyValuesToList();
        assertThat(answered).extracting(reply -> reply.value.outcome()).containsExactly(Outcome.REJECTED,
                Outcome.CREATED);
        assertThat(answered.get(0).key).isEqualTo("req-9");
        TestRecord<String, byte[]> letter = deadLetters.readRecord();
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(DeadLetters.text(letter.headers(), DeadLetters.REASON))
                .isEqualTo(DeadLetterReason.UNREADABLE.code());
        assertThat(DeadLetters.text(letter.headers(), DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.USER_COMMANDS);
        assertThat(store.get("alice").requestId()).isEqualTo("req-10");
    }

    @Test
    void shouldDeadLetterWithoutAnswerWhenRecordIsNotJson() {
        // when
        raw.pipeInput("alice", "not json".getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(replies.isEmpty()).isTrue();
        assertThat(onlyDeadLetterReason()).isEqualTo(DeadLetterReason.UNREADABLE.code());
    }

    @Test
    void shouldRejectWhenPasswordIsNotAHash() {
        // when
        send(new AccountCommand(Type.REGISTER, "req-1", "id-1", "carol", null, "plain-password", REPLY_PARTITION));
        // then
        assertThat(onlyReply("req-1").outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(store.get("carol")).isNull();
        assertThat(onlyDeadLetterReason()).isEqualTo(DeadLetterReason.INVALID_FIELD.code());
    }

    @Test
    void shouldRejectAndStoreNothingWhenASessionCommandLacksItsFields() {
        // when a refresh names no next hash, and a logout names no account
        send(new AccountCommand(Type.REFRESH, "req-1", null, "carol", null, null, REPLY_PARTITION,
                new AccountCommand.Session(null, false, "line000000000001", 0, "hash", null)));
        send(new AccountCommand(Type.LOGOUT, "req-2", null, "carol", null, null, REPLY_PARTITION,
                new AccountCommand.Session(null, false, "line000000000001", 0, "hash", null)));
        send(new AccountCommand(Type.REFRESH, "req-3", null, "carol", null, null, REPLY_PARTITION,
                new AccountCommand.Session(null, false, "a/b", 0, "hash", "next")));
        // then
        assertThat(replies.readValuesToList()).extracting(AccountReply::outcome)
                .containsExactly(Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED);
        assertThat(deadLetters.readRecordsToList()).hasSize(3);
        assertThat((Object) driver.getKeyValueStore(Stores.SESSIONS).approximateNumEntries()).isEqualTo(0L);
    }

    @Test
    void shouldRouteReplyThroughTheCarriedPartitionWhenWritingToUserReplies() {
        // given a command naming reply partition 1, which the driver's one-partition reply topic lacks
        AccountCommand command = new AccountCommand(Type.REGISTER, "req-1", "id-1", "dave", null, HASH, 1);
        // when
        send(command);
        // then the sink asked the reply partitioner, which dropped the unroutable reply; the decision stands
        assertThat(replies.isEmpty()).isTrue();
        assertThat(store.get("dave").id()).isEqualTo("id-1");
    }

    private void send(AccountCommand command) {
        commands.pipeInput(command.key(), command);
    }

    private static AccountCommand command(Type type, String requestId, String username) {
        return new AccountCommand(type, requestId, "id-" + requestId, username, null, HASH, REPLY_PARTITION);
    }

    private String onlyDeadLetterReason() {
        List<TestRecord<String, byte[]>> letters = deadLetters.readRecordsToList();
        assertThat(letters).hasSize(1);
        return DeadLetters.text(letters.get(0).headers(), DeadLetters.REASON);
    }

    private AccountReply onlyReply(String requestId) {
        List<KeyValue<String, AccountReply>> all = replies.readKeyValuesToList();
        assertThat(all).hasSize(1);
        assertThat(all.get(0).key).isEqualTo(requestId);
        return all.get(0).value;
    }
}
