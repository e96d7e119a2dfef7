package io.boxoffice.processor.decision;

import io.boxoffice.common.booking.ShowStatus;
import io.boxoffice.common.kafka.JsonSerde;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The {@code shows} store's value format. Every booking reads and writes its show's state, and JSON made that
 * costly: Jackson was 23 % of the processor's CPU, and the seat bitmap (1.25 KB for 10,000 seats) went
 * through Base64 both ways. So the value is binary: a version byte, then the fields in declaration order
 * (strings as a length and UTF-8, -1 for null; the instant as a presence byte, seconds and nanos), and the
 * bitmap as raw bytes. Values written before this format are JSON objects, so a value starting with
 * {@code '{'} is still read as JSON: an existing changelog restores after an upgrade and is rewritten in
 * binary as its shows change. A new layout takes a new version byte; this one is never changed.
 */
public final class ShowStateSerde implements Serde<ShowState>, Serializer<ShowState>, Deserializer<ShowState> {
    static final byte VERSION_1 = 1;
    private static final byte JSON_OBJECT = '{';
    private static final int NULL = -1;
    /** All but the variable-length bytes, so that a value is written into one exactly sized array. */
    private static final int FIXED_BYTES = 1 // version
            + 5 * Integer.BYTES // length prefixes: id, movieId, screen, status, taken
            + 1 + Long.BYTES + Integer.BYTES // startsAt: presence, seconds, nanos
            + 3 * Integer.BYTES + Long.BYTES; // totalSeats, maxSeatsPerUser, takenCount, bookingSequence

    private final JsonSerde<ShowState> legacy = JsonSerde.of(ShowState.class);

    @Override
    public byte[] serialize(String topic, ShowState show) {
        if (show == null) {
            return null;
        }
        byte[] id = utf8(show.id());
        byte[] movieId = utf8(show.movieId());
        byte[] screen = utf8(show.screen());
        byte[] status = utf8(show.status() == null ? null : show.status().name());
        ByteBuffer out = ByteBuffer.allocate(FIXED_BYTES + length(id) + length(movieId) + length(screen)
                + length(status) + length(show.taken()));
        out.put(VERSION_1);
        putBytes(out, id);
        putBytes(out, movieId);
        putBytes(out, screen);
        Instant startsAt = show.startsAt();
        out.put((byte) (startsAt == null ? 0 : 1));
        out.putLong(startsAt == null ? 0 : startsAt.getEpochSecond());
        out.putInt(startsAt == null ? 0 : startsAt.getNano());
        out.putInt(show.totalSeats());
        out.putInt(show.maxSeatsPerUser());
        putBytes(out, status);
        out.putInt(show.takenCount());
        out.putLong(show.bookingSequence());
        putBytes(out, show.taken());
        return out.array();
    }

    @Override
    public ShowState deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > 0 && data[0] == JSON_OBJECT) {
            return legacy.deserialize(topic, data);
        }
        if (data.length == 0 || data[0] != VERSION_1) {
            throw new SerializationException("Not a show state of a known format on " + topic);
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(data, 1, data.length - 1);
            String id = string(in);
            String movieId = string(in);
            String screen = string(in);
            boolean hasStart = in.get() != 0;
            long seconds = in.getLong();
            int nanos = in.getInt();
            int totalSeats = in.getInt();
            int maxSeatsPerUser = in.getInt();
            String status = string(in);
            int takenCount = in.getInt();
            long bookingSequence = in.getLong();
            byte[] taken = bytes(in);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the last field");
            }
            return new ShowState(id, movieId, screen, hasStart ? Instant.ofEpochSecond(seconds, nanos) : null,
                    totalSeats, maxSeatsPerUser, status == null ? null : ShowStatus.valueOf(status), takenCount,
                    bookingSequence, taken);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new SerializationException("A truncated or corrupt show state on " + topic, e);
        }
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static void putBytes(ByteBuffer out, byte[] bytes) {
        out.putInt(bytes == null ? NULL : bytes.length);
        if (bytes != null) {
            out.put(bytes);
        }
    }

    private static String string(ByteBuffer in) {
        byte[] bytes = bytes(in);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer in) {
        int length = in.getInt();
        if (length == NULL) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("length " + length + " beyond the value");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // Nothing to configure: the format is fixed by its version byte.
    }

    @Override
    public void close() {
        // Nothing held.
    }

    @Override
    public Serializer<ShowState> serializer() {
        return this;
    }

    @Override
    public Deserializer<ShowState> deserializer() {
        return this;
    }
}
