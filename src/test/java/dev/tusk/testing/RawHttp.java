package dev.tusk.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
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
    /** A reply: status code, body bytes, and the status line and headers as sent. */
    public record Reply(int status, byte[] body, String head) {
        public Reply(int status, byte[] body) {
            this(status, body, "");
        }

        public String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }

        /** The first value of header {@code name} (case-insensitive), or null. */
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    public static Reply get(int port, String pathAndQuery, String... headers) {
        return request(port, "GET", pathAndQuery, null, headers);
    }

    public static Reply request(int port, String method, String pathAndQuery, byte[] body, String... headers) {
        Reply reply = exchange(null, port, bytes(method, pathAndQuery, body, headers));
        if (reply.status() < 0) {
            throw new IllegalStateException("the server closed the connection without a reply to " + method + " " + pathAndQuery);
        }
        return reply;
    }

    /** An HTTP/1.0 request as bytes: the headers given, and Content-Length when there is a body. */
    public static byte[] bytes(String method, String pathAndQuery, byte[] body, String... headers) {
        StringBuilder head = new StringBuilder(method + " " + pathAndQuery + " HTTP/1.0\r\nHost: 127.0.0.1\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            request.writeBytes(body);
        }
        return request.toByteArray();
    }

    /**
     * Sends {@code request} as it is, from {@code fromAddress} (a loopback address such as
     * 127.0.0.3, or null for the default), and reads until the server closes the connection.
     *
     * @return the reply, status -1 when the server closed the connection without one
     */
    public static Reply exchange(String fromAddress, int port, byte[] request) {
        try (Socket s = new Socket()) {
            if (fromAddress != null) {
                s.bind(new InetSocketAddress(fromAddress, 0));
            }
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            byte[] all = s.getInputStream().readAllBytes();
            byte[] lineEnd = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
            if (all.length == 0 || find(all, lineEnd) < 0) {
                return new Reply(-1, all);
            }
            String statusLine = new String(all, 0, find(all, lineEnd), StandardCharsets.ISO_8859_1);
            int split = find(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return new Reply(Integer.parseInt(statusLine.split(" ")[1]), split < 0 ? new byte[0] : Arrays.copyOfRange(all, split + 4, all.length),
                    new String(all, 0, split < 0 ? all.length : split, StandardCharsets.ISO_8859_1));
        } catch (java.net.SocketException e) {
            // reset by the server after refusing the request
            return new Reply(-1, new byte[0]);
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
        int at = find(data, pattern);
        if (at < 0) {
            throw new IllegalStateException("pattern not found");
        }
        return at;
    }

    private static int find(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
