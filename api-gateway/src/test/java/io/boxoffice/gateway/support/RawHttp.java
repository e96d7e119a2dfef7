package io.boxoffice.gateway.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends an HTTP/1.1 request byte for byte, for requests a well-behaved client refuses to send (control
 * characters or raw UTF-8 in a header value), and reads back the status and the body.
 *
 * <p>The request asks for a kept-alive connection and exactly one response is read, framed by its
 * {@code Content-Length} or chunks. Asking the server to close instead raced: a handler that refuses a request
 * before reading its body closes with unread bytes, the close becomes a reset, and a reset that overtakes the
 * answer discards it on the client's side.
 */
public final class RawHttp {
    public record Response(int status, String head, String body) {
    }

    private RawHttp() {
    }

    /** POSTs a JSON body (none when {@code json} is null) with the given extra header line (raw bytes). */
    public static Response post(int port, String path, String token, byte[] extraHeader, String json) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(extraHeader);
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        String head = readHead(in);
        int status = Integer.parseInt(head.split(" ")[1]);
        String lower = head.toLowerCase(Locale.ROOT);
        byte[] body;
        if (lower.contains("transfer-encoding: chunked")) {
            body = readChunks(in);
        } else {
            int length = contentLength(lower);
            body = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
        }
        return new Response(status, head, new String(body, StandardCharsets.UTF_8));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r\n\r\n") ? text.substring(0, text.length() - 4) : text;
    }

    private static int contentLength(String lowerHead) {
        for (String line : lowerHead.split("\r\n")) {
            if (line.startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return -1;
    }

    private static byte[] readChunks(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int size; (size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16)) > 0; ) {
            all.write(in.readNBytes(size));
            readLine(in);
        }
        return all.toByteArray();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
