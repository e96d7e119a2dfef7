package io.boxoffice.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boxoffice.common.ProblemCodes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The launcher's warm-up: when it stops (a window of answers no faster than the one before), and how it reads answers. */
class WarmUpTest {

    @Test
    void shouldGoOnWhenAnswersPerSecondStillRise() {
        // given: the compilers still catching up
        List<Double> rates = List.of(150.0, 400.0, 700.0);
        // then
        assertThat(WarmUp.plateaued(rates)).isFalse();
    }

    @Test
    void shouldStopWhenLastWindowIsNoFasterThanTheOneBefore() {
        // given
        List<Double> flat = List.of(150.0, 700.0, 740.0);
        List<Double> slower = List.of(150.0, 700.0, 650.0);
        // then
        assertThat(WarmUp.plateaued(flat)).isTrue();
        assertThat(WarmUp.plateaued(slower)).isTrue();
    }

    @Test
    void shouldCountShowNotFoundAndKeepConnectionWhenGatewayRefusesUnknownShow() throws IOException {
        // given
        String body = "{\"status\":404,\"code\":\"" + ProblemCodes.SHOW_NOT_FOUND + "\"}";
        String answers = "HTTP/1.1 404 Not Found\r\nContent-Type: application/problem+json\r\ncontent-length: "
                + body.length() + "\r\n\r\n" + body
                + "HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}";
        InputStream in = new ByteArrayInputStream(answers.getBytes(StandardCharsets.US_ASCII));
        // when
        WarmUp.Answer first = WarmUp.Answer.read(in);
        WarmUp.Answer second = WarmUp.Answer.read(in);
        // then
        assertThat(first).isEqualTo(new WarmUp.Answer(404, ProblemCodes.SHOW_NOT_FOUND, true));
        assertThat(second).isEqualTo(new WarmUp.Answer(401, "HTTP 401", false));
    }

    @Test
    void shouldCountHoldNotFoundWhenGatewayRefusesConfirmationOfUnknownHold() throws IOException {
        // given
        String body = "{\"status\":404,\"code\":\"" + ProblemCodes.HOLD_NOT_FOUND + "\"}";
        InputStream in = new ByteArrayInputStream(("HTTP/1.1 404 Not Found\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
        // then
        assertThat(WarmUp.Answer.read(in)).isEqualTo(new WarmUp.Answer(404, ProblemCodes.HOLD_NOT_FOUND, true));
    }

    @Test
    void shouldTakeTurnsBetweenBookingHoldAndConfirmationOfUnknownShows() {
        // given
        URI gateway = URI.create("http://127.0.0.1:8080");
        // when
        List<String> requestLines = LongStream.range(0, 6)
                .mapToObj(turn -> new String(WarmUp.request(gateway, "t0ken", turn), StandardCharsets.US_ASCII))
                .map(request -> request.substring(0, request.indexOf("\r\n"))).toList();
        // then: each names a show no id generated has, through the three commands of a launch
        assertThat(requestLines.get(0)).matches("POST /api/shows/warmup[0-9a-z]{14}/bookings HTTP/1.1");
        assertThat(requestLines.get(1)).matches("POST /api/shows/warmup[0-9a-z]{14}/holds HTTP/1.1");
        assertThat(requestLines.get(2)).matches("POST /api/holds/warmup[0-9a-z]{14}-h1/confirm HTTP/1.1");
        assertThat(requestLines.subList(3, 6)).map(line -> line.replaceAll("warmup[0-9a-z]{14}", "S"))
                .containsExactly("POST /api/shows/S/bookings HTTP/1.1", "POST /api/shows/S/holds HTTP/1.1",
                        "POST /api/holds/S-h1/confirm HTTP/1.1");
    }

    @Test
    void shouldRefuseAnswerWhenItHasNoContentLength() {
        // given
        InputStream in = new ByteArrayInputStream(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        // then
        assertThatThrownBy(() -> WarmUp.Answer.read(in)).isInstanceOf(IOException.class);
    }

    @Test
    void shouldGoOnWhenThereIsNoWindowToCompareWith() {
        // then
        assertThat(WarmUp.plateaued(List.of())).isFalse();
        assertThat(WarmUp.plateaued(List.of(900.0))).isFalse();
    }
}
