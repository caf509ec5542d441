package dev.tusk.testing;

import java.security.SecureRandom;
import java.util.Map;

/** A BitTorrent client's side of the tracker protocol, over {@link RawHttp}, for tests. */
public final class TrackerHttp {
    public static final int PORT = 8080;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackerHttp() {
    }

    public static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** A complete, valid announce query for the hash and peer id, with {@code extra} appended. */
    public static String announceQuery(byte[] infoHash, byte[] peerId, int port, long left, String extra) {
        return "info_hash=" + RawHttp.percentEncode(infoHash) + "&peer_id=" + RawHttp.percentEncode(peerId)
                + "&port=" + port + "&uploaded=0&downloaded=0&left=" + left + (extra.isEmpty() ? "" : "&" + extra);
    }

    /** Announces from {@code clientAddress} (sent in the test server's real-IP header). */
    public static Map<String, Object> announce(String query, String clientAddress) {
        RawHttp.Reply reply = RawHttp.get(PORT, "/announce?" + query, "X-Forwarded-For: " + clientAddress);
        if (reply.status() != 200) {
            throw new AssertionError("announce answered HTTP " + reply.status() + ": " + reply.text());
        }
        return Bdecoder.dict(reply.body());
    }

    public static Map<String, Object> get(String pathAndQuery) {
        RawHttp.Reply reply = RawHttp.get(PORT, pathAndQuery);
        if (reply.status() != 200) {
            throw new AssertionError(pathAndQuery + " answered HTTP " + reply.status() + ": " + reply.text());
        }
        return Bdecoder.dict(reply.body());
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> scrapeOne(byte[] infoHash) {
        Map<String, Object> files = (Map<String, Object>) get("/scrape?info_hash=" + RawHttp.percentEncode(infoHash)).get("files");
        return (Map<String, Object>) files.get(new String(infoHash, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
