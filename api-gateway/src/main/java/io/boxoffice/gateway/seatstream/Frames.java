package io.boxoffice.gateway.seatstream;

import io.boxoffice.common.Json;
import io.boxoffice.common.booking.SeatMap;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Server-sent events as the bytes every stream of a show writes: each frame is encoded once, whatever the number
 * of streams that send it.
 */
final class Frames {
    static final String SNAPSHOT = "snapshot";
    static final String CHANGE = "change";
    /** A comment line: keeps idle connections (and the proxies between) open. */
    static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private Frames() {
    }

    /** A frame of a show's stream: its position in the show's sequence and what it writes. */
    record Frame(long seq, byte[] bytes) {
    }

    static byte[] snapshot(SeatMap map) {
        return event(SNAPSHOT, map);
    }

    static byte[] changes(List<SeatChange> changes) {
        StringBuilder text = new StringBuilder();
        for (SeatChange change : changes) {
            text.append(eventText(CHANGE, change));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] event(String name, Object data) {
        return eventText(name, data).getBytes(StandardCharsets.UTF_8);
    }

    private static String eventText(String name, Object data) {
        // JSON on one line: a data line may not contain a line break.
        return "event: " + name + "\ndata: " + Json.MAPPER.writeValueAsString(data) + "\n\n";
    }
}
