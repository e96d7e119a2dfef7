package io.boxoffice.common.kafka;

import io.boxoffice.common.metrics.KafkaMeters;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Sends commands to a single-writer Streams processor and awaits its replies. Each service instance
 * owns one partition of the reply topic ({@link Settings#replyPartition()}); the command carries that
 * partition and the processor writes the reply there, so a reply reaches the instance that waits for
 * it even when several run. Replies are read {@code read_committed}: only decisions whose transaction
 * committed are ever answered. Commands are written with {@code acks=all} and idempotence, so a command
 * acknowledged by the broker is durable and written once. A command whose partition cannot be replicated now
 * (see {@link ReplicationWatch}) is refused before it is written, with {@link NotWrittenException}, so
 * that the caller can answer "try again" at once instead of "unknown" after its timeout. While running, both
 * clients' metrics are published to the meter registry given, if any.
 */
public final class RequestReplyClient<C, R> implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RequestReplyClient.class);
    /** How often the command topic's replication is looked at, and how long a silent cluster is trusted. */
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);
    private static final Duration WATCH_STALE_AFTER = Duration.ofSeconds(5);
    /**
     * How long {@code send} may block its caller, a request thread (an event loop in WebFlux): for metadata the
     * producer lost (a restarted broker may answer without the topic) or buffer space. Longer would stall every
     * request on that thread; a send that cannot go on at once is refused, unwritten, instead.
     */
    private static final int MAX_BLOCK_MS = 100;

    /**
     * @param replyPartition the partition of {@code replyTopic} this instance alone reads
     * @param timeout        how long a caller waits for a reply before {@link TimeoutException}
     */
    public record Settings(String bootstrapServers, String clientId, String commandTopic, String replyTopic,
                           int replyPartition, Duration timeout, int lingerMs) {
    }

    private final Settings settings;
    private final Serializer<C> commandSerializer;
    private final Deserializer<R> replyDeserializer;
    private final Function<R, String> requestIdOfReply;
    private final Map<String, Waiting<R>> pending = new ConcurrentHashMap<>();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final KafkaMeters meters;
    private volatile KafkaProducer<String, C> producer;
    private volatile KafkaConsumer<String, R> consumer;
    private volatile @Nullable ReplicationWatch watch;
    private volatile Thread poller;
    private volatile boolean running;

    /** A client whose metrics stay on JMX only. */
    public RequestReplyClient(Settings settings, Serializer<C> commandSerializer, Deserializer<R> replyDeserializer,
                              Function<R, String> requestIdOfReply) {
        this(settings, commandSerializer, replyDeserializer, requestIdOfReply, null);
    }

    /** @param registry where the producer's and consumer's metrics are published while running; null for none */
    public RequestReplyClient(Settings settings, Serializer<C> commandSerializer, Deserializer<R> replyDeserializer,
                              Function<R, String> requestIdOfReply, @Nullable MeterRegistry registry) {
        this.settings = settings;
        this.commandSerializer = commandSerializer;
        this.replyDeserializer = replyDeserializer;
        this.requestIdOfReply = requestIdOfReply;
        this.meters = new KafkaMeters(registry);
    }

    /** The reply partition to put into commands sent through this client. */
    public int replyPartition() {
        return settings.replyPartition();
    }

    /**
     * Writes the command and completes with its reply, or fails with {@link TimeoutException} when the
     * outcome is unknown (no reply in time, or the write timed out after it may have reached the broker).
     * Nothing happens until subscription, so a resubscription is a fresh attempt.
     */
    public Mono<R> request(String key, String requestId, C command) {
        return Mono.defer(() -> {
            // Repeats of one request id (an idempotent retry racing its original) share one reply.
            Waiting<R> waiting = pending.compute(requestId, (id, current) ->
                    (current == null ? new Waiting<R>() : current).join());
            return send(key, command)
                    .then(waiting.reply.asMono())
                    .timeout(settings.timeout(), Mono.error(() -> new TimeoutException(
                            "No reply to " + requestId + " within " + settings.timeout().toMillis() + " ms")))
                    .doFinally(signal -> pending.computeIfPresent(requestId,
                            (id, current) -> current == waiting && waiting.leave() ? null : current));
        });
    }

    /** The waiters for one request id; the reply, once in, is kept for those still subscribing. */
    private static final class Waiting<R> {
        final Sinks.One<R> reply = Sinks.one();
        private int waiters;

        /** Called inside the map's compute, so under its lock for this key. */
        Waiting<R> join() {
            waiters++;
            return this;
        }

        /** Whether the last waiter left. */
        boolean leave() {
            return --waiters == 0;
        }
    }

    /**
     * Writes the command and completes once the broker has it durably (acks=all). Fails with
     * {@link TimeoutException} when the write timed out in flight (it may have been written), and with
     * another error when it was certainly not written: {@link NotWrittenException} when its partition
     * cannot be replicated now, or e.g. no broker known within the timeout.
     */
    public Mono<Void> send(String key, C command) {
        return Mono.defer(() -> {
            ReplicationWatch current = watch;
            String refusal = current == null ? null : current.refusal(key);
            return refusal != null ? Mono.error(new NotWrittenException(refusal)) : write(key, command);
        });
    }

    /**
     * The producer reports a failure before appending (no metadata in time, a full buffer) by calling back on the
     * caller's thread inside {@code send}; a record it appended is only ever called back from its I/O thread. So a
     * failure called back on this thread before {@code send} returned is certainly unwritten, whatever its type.
     */
    private Mono<Void> write(String key, C command) {
        return Mono.create(done -> {
            Thread caller = Thread.currentThread();
            AtomicBoolean returned = new AtomicBoolean();
            producer.send(new ProducerRecord<>(settings.commandTopic(), key, command), (metadata, error) -> {
                if (error == null) {
                    done.success();
                } else if (Thread.currentThread() == caller && !returned.get()) {
                    done.error(new NotWrittenException(error.getMessage()));
                } else if (error instanceof org.apache.kafka.common.errors.TimeoutException) {
                    done.error(new TimeoutException("The write of a command timed out; it may still land"));
                } else {
                    done.error(error);
                }
            });
            returned.set(true);
        });
    }

    /** Whether the reply partition is assigned and read: the client can answer requests. */
    public boolean ready() {
        return running && assigned.getCount() == 0 && poller != null && poller.isAlive();
    }

    public int inFlight() {
        return pending.size();
    }

    /**
     * The command producer: durable (acks=all) and written once (idempotence), its waits bounded by the
     * caller's patience so that a broker outage is answered rather than waited out, and its blocking of the
     * caller's thread bounded by {@link #MAX_BLOCK_MS}. Kafka requires a
     * delivery timeout of at least linger + request timeout, also for reply timeouts below a second.
     */
    static Map<String, Object> producerConfig(Settings settings) {
        long timeoutMs = settings.timeout().toMillis();
        int requestTimeoutMs = (int) Math.max(1000, timeoutMs / 2);
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, settings.clientId() + "-commands",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, settings.lingerMs(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) (Math.max(timeoutMs, requestTimeoutMs) + settings.lingerMs()));
    }

    @Override
    public void start() {
        producer = new KafkaProducer<>(producerConfig(settings),
                new StringSerializer(), commandSerializer);
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, settings.clientId() + "-replies",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), replyDeserializer);
        meters.bind(producer);
        meters.bind(consumer);
        warmUp();
        watch = ReplicationWatch.start(settings.bootstrapServers(), settings.clientId() + "-watch",
                settings.commandTopic(), WATCH_INTERVAL, WATCH_STALE_AFTER);
        running = true;
        poller = new Thread(this::pollReplies, settings.clientId() + "-reply-poller");
        poller.setDaemon(true);
        poller.start();
        try {
            if (!assigned.await(60, TimeUnit.SECONDS)) {
                log.warn("Reply partition {}-{} not positioned yet; requests wait for it",
                        settings.replyTopic(), settings.replyPartition());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Fetches the command topic's metadata before the first request: a send never waits for it longer than
     * {@link #MAX_BLOCK_MS}, so without it the first commands would be refused.
     */
    private void warmUp() {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                producer.partitionsFor(settings.commandTopic());
                return;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        log.warn("No metadata for {} yet ({}); the first commands will fetch it", settings.commandTopic(),
                last == null ? "no time" : last.toString());
    }

    private void pollReplies() {
        TopicPartition partition = new TopicPartition(settings.replyTopic(), settings.replyPartition());
        try {
            consumer.assign(List.of(partition));
            // Resolve the end offset before any command leaves: a reply can then never be skipped.
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            assigned.countDown();
            while (running) {
                for (ConsumerRecord<String, R> record : consumer.poll(Duration.ofMillis(200))) {
                    deliver(record);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                log.error("Reply poller woken up while running", e);
            }
        } catch (RuntimeException e) {
            log.error("Reply poller stopped; replies on {} are no longer read", partition, e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void deliver(ConsumerRecord<String, R> record) {
        R reply = record.value();
        if (reply == null) {
            return;
        }
        Waiting<R> waiting = pending.get(requestIdOfReply.apply(reply));
        if (waiting != null) {
            waiting.reply.tryEmitValue(reply);
        }
    }

    @Override
    public void stop() {
        running = false;
        meters.close();
        if (consumer != null) {
            consumer.wakeup();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        ReplicationWatch current = watch;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
