package io.boxoffice.processor.decision;

import io.boxoffice.common.booking.ShowRules;
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
 * costly: Jackson was 23 % of the processor's CPU, and the seat bitmap went through Base64 both ways. So the
 * value is binary: a version byte, then the fields (strings as a length and UTF-8, -1 for null; the instant as
 * a presence byte, seconds and nanos), and the seat plan's arrays raw.
 *
 * <p>Every layout ever written stays readable, so an existing changelog restores after an upgrade and is
 * rewritten in the current layout as its shows change: {@link #VERSION_2} (holds: the held bitmap and the
 * per-row free-block index), {@link #VERSION_1} (booked seats only; read with the contract's defaults for the
 * hold time and row length) and, before both, JSON objects (a value starting with {@code '{'}). A new layout
 * takes a new version byte; a written one is never changed.
 */
public final class ShowStateSerde implements Serde<ShowState>, Serializer<ShowState>, Deserializer<ShowState> {
    static final byte VERSION_1 = 1;
    static final byte VERSION_2 = 2;
    private static final byte JSON_OBJECT = '{';
    private static final int NULL = -1;
    /** All but the variable-length bytes, so that a value is written into one exactly sized array. */
    private static final int FIXED_BYTES = 1 // version
            + 4 * Integer.BYTES // length prefixes: id, movieId, screen, status
            + 1 + Long.BYTES + Integer.BYTES // startsAt: presence, seconds, nanos
            + 2 * Integer.BYTES + 2 * Long.BYTES // maxSeatsPerUser, holdSeconds, bookingSequence, holdSequence
            + 4 * Integer.BYTES; // totalSeats, seatsPerRow, bookedCount, heldCount

    private final JsonSerde<Legacy> legacy = JsonSerde.of(Legacy.class);

    /** The JSON value of the first format: booked seats only. */
    record Legacy(String id, String movieId, String screen, Instant startsAt, int totalSeats, int maxSeatsPerUser,
                  ShowStatus status, int takenCount, long bookingSequence, byte[] taken) {
    }

    @Override
    public byte[] serialize(String topic, ShowState show) {
        if (show == null) {
            return null;
        }
        byte[] id = utf8(show.id());
        byte[] movieId = utf8(show.movieId());
        byte[] screen = utf8(show.screen());
        byte[] status = utf8(show.status() == null ? null : show.status().name());
        SeatPlan seats = show.seats();
        ByteBuffer out = ByteBuffer.allocate(FIXED_BYTES + length(id) + length(movieId) + length(screen)
                + length(status) + seats.arrayBytes());
        out.put(VERSION_2);
        putBytes(out, id);
        putBytes(out, movieId);
        putBytes(out, screen);
        Instant startsAt = show.startsAt();
        out.put((byte) (startsAt == null ? 0 : 1));
        out.putLong(startsAt == null ? 0 : startsAt.getEpochSecond());
        out.putInt(startsAt == null ? 0 : startsAt.getNano());
        out.putInt(show.maxSeatsPerUser());
        out.putInt(show.holdSeconds());
        putBytes(out, status);
        out.putLong(show.bookingSequence());
        out.putLong(show.holdSequence());
        out.putInt(seats.totalSeats());
        out.putInt(seats.seatsPerRow());
        out.putInt(seats.bookedCount());
        out.putInt(seats.heldCount());
        seats.writeTo(out);
        return out.array();
    }

    @Override
    public ShowState deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > 0 && data[0] == JSON_OBJECT) {
            Legacy json = legacy.deserialize(topic, data);
            return first(json.id(), json.movieId(), json.screen(), json.startsAt(), json.totalSeats(),
                    json.maxSeatsPerUser(), json.status(), json.bookingSequence(), json.taken(), topic);
        }
        if (data.length == 0 || (data[0] != VERSION_1 && data[0] != VERSION_2)) {
            throw new SerializationException("Not a show state of a known format on " + topic);
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(data, 1, data.length - 1);
            ShowState show = data[0] == VERSION_1 ? readVersion1(in, topic) : readVersion2(in);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the last field");
            }
            return show;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new SerializationException("A truncated or corrupt show state on " + topic, e);
        }
    }

    private static ShowState readVersion2(ByteBuffer in) {
        String id = string(in);
        String movieId = string(in);
        String screen = string(in);
        Instant startsAt = instant(in);
        int maxSeatsPerUser = in.getInt();
        int holdSeconds = in.getInt();
        String status = string(in);
        long bookingSequence = in.getLong();
        long holdSequence = in.getLong();
        int totalSeats = in.getInt();
        int seatsPerRow = in.getInt();
        int bookedCount = in.getInt();
        int heldCount = in.getInt();
        if (totalSeats < 1 || totalSeats > ShowRules.MAX_SEATS || seatsPerRow < 1) {
            throw new IllegalArgumentException("a hall of " + totalSeats + " seats in rows of " + seatsPerRow);
        }
        byte[] booked = fixed(in, SeatPlan.bytesFor(totalSeats));
        byte[] held = fixed(in, SeatPlan.bytesFor(totalSeats));
        short[] longestFree = new short[SeatPlan.rows(totalSeats, seatsPerRow)];
        in.asShortBuffer().get(longestFree);
        in.position(in.position() + Short.BYTES * longestFree.length);
        return new ShowState(id, movieId, screen, startsAt, maxSeatsPerUser, holdSeconds, status(status),
                bookingSequence, holdSequence,
                SeatPlan.stored(totalSeats, seatsPerRow, booked, held, bookedCount, heldCount, longestFree));
    }

    private static ShowState readVersion1(ByteBuffer in, String topic) {
        String id = string(in);
        String movieId = string(in);
        String screen = string(in);
        Instant startsAt = instant(in);
        int totalSeats = in.getInt();
        int maxSeatsPerUser = in.getInt();
        String status = string(in);
        in.getInt(); // the booked count, recounted from the bitmap
        long bookingSequence = in.getLong();
        byte[] taken = bytes(in);
        return first(id, movieId, screen, startsAt, totalSeats, maxSeatsPerUser, status(status), bookingSequence,
                taken, topic);
    }

    /** A show of the layouts before holds: nothing held, the default hold time and rows, its index computed once. */
    private static ShowState first(String id, String movieId, String screen, Instant startsAt, int totalSeats,
                                   int maxSeatsPerUser, ShowStatus status, long bookingSequence, byte[] taken,
                                   String topic) {
        if (totalSeats < 1 || totalSeats > ShowRules.MAX_SEATS || taken == null
                || taken.length != SeatPlan.bytesFor(totalSeats)) {
            throw new SerializationException("A show state of the first layouts without a usable bitmap on " + topic);
        }
        return new ShowState(id, movieId, screen, startsAt, maxSeatsPerUser, ShowRules.DEFAULT_HOLD_SECONDS, status,
                bookingSequence, 0, SeatPlan.of(totalSeats, ShowRules.DEFAULT_SEATS_PER_ROW, taken,
                new byte[taken.length]));
    }

    private static ShowStatus status(String name) {
        return name == null ? null : ShowStatus.valueOf(name);
    }

    private static Instant instant(ByteBuffer in) {
        boolean present = in.get() != 0;
        long seconds = in.getLong();
        int nanos = in.getInt();
        return present ? Instant.ofEpochSecond(seconds, nanos) : null;
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
        return fixed(in, length);
    }

    private static byte[] fixed(ByteBuffer in, int length) {
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
