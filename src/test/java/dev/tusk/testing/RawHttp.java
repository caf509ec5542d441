package dev.tusk.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * HTTP/1.0 over a plain socket, so tests can send exactly the bytes a BitTorrent client sends
 * (including malformed percent-encoding that java.net.URI refuses to build).
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** A reply: status code and body bytes. */
    public record Reply(int status, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    public static Reply get(int port, String pathAndQuery, String... headers) {
        return request(port, "GET", pathAndQuery, null, headers);
    }

    public static Reply request(int port, String method, String pathAndQuery, byte[] body, String... headers) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + pathAndQuery + " HTTP/1.0\r\nHost: 127.0.0.1\r\n");
            for (String h : headers) {
                head.append(h).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = s.getInputStream();
            byte[] all = in.readAllBytes();
            int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String statusLine = new String(all, 0, indexOf(all, "\r\n".getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            return new Reply(status, Arrays.copyOfRange(all, split + 4, all.length));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String basicAuth(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Every byte percent-encoded, as clients send binary values. */
    public static String percentEncode(byte[] raw) {
        StringBuilder sb = new StringBuilder(raw.length * 3);
        for (byte b : raw) {
            sb.append('%').append(String.format("%02X", b & 0xff));
        }
        return sb.toString();
    }

    /** Where {@code pattern} first stands in {@code data}. */
    public static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("pattern not found");
    }
}
