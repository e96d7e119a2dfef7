package io.boxoffice.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends an HTTP/1.1 request byte for byte, for requests a well-behaved client refuses to send (control
 * characters or raw UTF-8 in a header value), and reads back the status and the body.
 */
public final class RawHttp {
    public record Response(int status, String head, String body) {
    }

    private RawHttp() {
    }

    /**
     * POSTs a JSON body (none when {@code json} is null) with the given extra header line (raw bytes). A
     * request the HTTP layer refuses should have no body: the server closes without reading it, and unread
     * bytes would turn that close into a reset that can swallow the answer.
     */
    public static Response post(int port, String path, String token, byte[] extraHeader, String json) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(extraHeader);
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String answer = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String head = split < 0 ? answer : answer.substring(0, split);
            return new Response(Integer.parseInt(head.split(" ")[1]), head,
                    split < 0 ? "" : answer.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        for (int read; (read = in.read(chunk)) >= 0; ) {
            all.write(chunk, 0, read);
        }
        return all.toByteArray();
    }
}
