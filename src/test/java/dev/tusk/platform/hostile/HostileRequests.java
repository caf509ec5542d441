package dev.tusk.platform.hostile;

import dev.tusk.testing.RawHttp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Hostile requests for every public and admin endpoint, generated from a seed so that a failing
 * run can be replayed: tracker parameters as raw bytes, multipart bodies, KV keys and values,
 * admin JSON, headers (auth, content types, encodings). Every case says what a correct server
 * answers: anything but a 5xx, or a refusal (4xx) where the request cannot be valid by
 * construction, so that a refused request is known to have written nothing.
 */
final class HostileRequests {
    /** The KV namespace the cases write to (created by the test). */
    static final String NAMESPACE = "hostile";
    /** The address bad logins come from, so the throttle never refuses the test's own admin calls. */
    static final String ATTACKER = "127.0.0.3";

    enum Expect { NO_SERVER_ERROR, REFUSED }

    /**
     * One request. {@code refusedHash} is the 20-byte info hash of an announce that must be
     * refused (nothing may be stored for it); {@code refusedKey} a KV key whose write must be refused.
     */
    record Case(int number, String family, byte[] request, String from, Expect expect, byte[] refusedHash, String refusedKey) {
        String describe() {
            String text = new String(request, StandardCharsets.ISO_8859_1);
            int cut = text.indexOf("\r\n\r\n");
            String head = cut < 0 ? text : text.substring(0, cut);
            return "case " + number + " (" + family + "): " + (head.length() > 400 ? head.substring(0, 400) + "..." : head);
        }
    }

    private static final String[] ADMIN_PATHS = {"/api/admin/queue", "/api/admin/queue/failed", "/api/admin/kv/catalog",
            "/api/admin/batch/jobs", "/api/admin/tracker/approval", "/api/admin/kv/replication", "/api/admin/dashboard",
            "/api/admin/dashboard/session"};
    private static final String[] JOBS = {"migrate-peers", "migrate-store", "migrate-repo"};
    private static final String[] NUMBERS = {"", "-1", "0", "1", "65535", "65536", "-0", "+5", "1e5", "0x10", " 1", "NaN",
            "9223372036854775807", "9223372036854775808", "18446744073709551616", "99999999999999999999999", "%EF%BC%91%EF%BC%92",
            "%00", "1%00", "12abc"};
    private static final String[] EVENTS = {"started", "stopped", "completed", "paused", "", "STARTED", "%00", "started%00", "x"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/octet-stream", "text/plain", "",
            "application/json; charset=utf-16", "application/json; charset=nope", "multipart/form-data",
            "multipart/form-data; boundary=", "multipart/form-data; boundary=\"unterminated", "*/*", ";;;", "application/\u00ff",
            "image/png", "application/x-www-form-urlencoded"};

    private final Random random;
    private int number;

    HostileRequests(long seed) {
        this.random = new Random(seed);
    }

    Case next() {
        number++;
        int pick = random.nextInt(100);
        if (pick < 25) {
            return announce();
        } else if (pick < 30) {
            return scrape();
        } else if (pick < 44) {
            return mediaRead();
        } else if (pick < 48) {
            return upload();
        } else if (pick < 68) {
            return kv();
        } else if (pick < 83) {
            return admin();
        } else if (pick < 90) {
            return badLogin();
        }
        return headers();
    }

    // --- tracker ---

    private Case announce() {
        boolean validHash = random.nextInt(3) > 0;
        byte[] hash = bytes(20);
        List<String> params = new ArrayList<>();
        params.add(maybe("info_hash", validHash ? RawHttp.percentEncode(hash) : junkEncoded(40)));
        params.add(maybe("peer_id", random.nextBoolean() ? RawHttp.percentEncode(bytes(20)) : junkEncoded(40)));
        params.add(maybe("port", pick(NUMBERS)));
        params.add(maybe("uploaded", pick(NUMBERS)));
        params.add(maybe("downloaded", pick(NUMBERS)));
        params.add(maybe("left", pick(NUMBERS)));
        params.add(maybe("event", pick(EVENTS)));
        params.add(maybe("numwant", pick(NUMBERS)));
        params.add(maybe("compact", pick(NUMBERS)));
        if (random.nextInt(4) == 0) {
            params.add(junkEncoded(8) + "=" + junkEncoded(12));
        }
        params.removeIf(String::isEmpty);
        java.util.Collections.shuffle(params, random);
        String query = String.join(random.nextInt(10) == 0 ? "&&" : "&", params);
        // a port of "0" or of letters makes the announce one a tracker must refuse; keep those
        boolean portInvalid = params.stream().noneMatch(p -> p.startsWith("port=") && validPort(p.substring(5).split("&")[0]));
        byte[] refused = validHash && portInvalid ? hash : null;
        return new Case(number, "announce", get("/announce?" + query), null, Expect.NO_SERVER_ERROR, refused, null);
    }

    private static boolean validPort(String value) {
        try {
            int port = Integer.parseInt(value);
            return port > 0 && port < 65536;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Case scrape() {
        StringBuilder query = new StringBuilder();
        for (int i = random.nextInt(80); i > 0; i--) {
            query.append(query.length() == 0 ? "" : "&").append("info_hash=")
                    .append(random.nextBoolean() ? RawHttp.percentEncode(bytes(20)) : junkEncoded(30));
        }
        return new Case(number, "scrape", get("/scrape?" + query), null, Expect.NO_SERVER_ERROR, null, null);
    }

    // --- media ---

    private Case mediaRead() {
        String alias = junkEncoded(60);
        String path = switch (random.nextInt(6)) {
            case 0 -> "/image/original/" + alias;
            case 1 -> "/image/details/original/" + alias;
            case 2 -> "/image/process." + pick(new String[] {"png", "jpg", "webp", "%00", "", "exe"}) + "?src=" + alias
                    + "&thumbnail=" + pick(NUMBERS);
            case 3 -> "/image/backgrounded/claim?upload_id=" + junkEncoded(40);
            case 4 -> "/internal/aliases?alias=" + alias;
            default -> "/image/delete/" + junkEncoded(40) + "/" + alias;
        };
        String method = path.startsWith("/image/delete") ? "DELETE" : random.nextInt(5) == 0 ? "HEAD" : "GET";
        String[] headers = path.startsWith("/internal") ? new String[] {"X-Api-Token: test-internal-key"} : new String[0];
        return new Case(number, "media", request(method, path, null, headers), null, Expect.NO_SERVER_ERROR, null, null);
    }

    /** A multipart upload that carries no image (random bytes), so it must be refused inline. */
    private Case upload() {
        String boundary = switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> "b".repeat(1 + random.nextInt(3000));
            default -> "B" + Long.toHexString(random.nextLong());
        };
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = random.nextInt(4); i > 0; i--) {
            body.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (random.nextInt(4) > 0) {
                String name = random.nextInt(3) > 0 ? "images[]" : junkText(10);
                body.writeBytes(("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + junkText(12) + "\"\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            body.writeBytes(("Content-Type: " + pick(CONTENT_TYPES) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] content = bytes(random.nextInt(2000));
            if (random.nextBoolean() && content.length > 8) {
                // a PNG signature before the junk: the decoder has to look further
                System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, content, 0, 8);
            }
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        if (random.nextBoolean()) {
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        String type = random.nextInt(8) == 0 ? pick(CONTENT_TYPES) : "multipart/form-data; boundary=" + boundary;
        boolean inline = random.nextInt(3) > 0;
        return new Case(number, "upload", request("POST", inline ? "/image" : "/image/backgrounded", body.toByteArray(),
                "Content-Type: " + type), null, inline ? Expect.REFUSED : Expect.NO_SERVER_ERROR, null, null);
    }

    // --- kv ---

    private Case kv() {
        String key = random.nextInt(4) == 0 ? junkEncoded(30) : "k" + Long.toHexString(random.nextLong());
        String namespace = random.nextInt(6) == 0 ? junkEncoded(10) : NAMESPACE;
        String query = switch (random.nextInt(5)) {
            case 0 -> "?ts=" + pick(NUMBERS);
            case 1 -> "?zone=" + junkEncoded(6);
            default -> "";
        };
        String path = "/kv/" + namespace + "/" + key + query;
        return switch (random.nextInt(4)) {
            case 0 -> new Case(number, "kv", get(path), null, Expect.NO_SERVER_ERROR, null, null);
            case 1 -> new Case(number, "kv", request("DELETE", path, null), null, Expect.NO_SERVER_ERROR, null, null);
            case 2 -> {
                // a body that is not JSON sent as JSON: refused, and the key stays unwritten
                byte[] body = junkJson();
                boolean refused = NAMESPACE.equals(namespace) && key.startsWith("k");
                yield new Case(number, "kv", request("PUT", path, body, "Content-Type: application/json"), null,
                        refused ? Expect.REFUSED : Expect.NO_SERVER_ERROR, null, refused ? key : null);
            }
            default -> new Case(number, "kv", request(random.nextBoolean() ? "PATCH" : "PUT", path,
                    random.nextBoolean() ? junkJson() : bytes(random.nextInt(300)), "Content-Type: " + pick(CONTENT_TYPES)),
                    null, Expect.NO_SERVER_ERROR, null, null);
        };
    }

    // --- admin, with the operator's credentials: every request here is invalid by construction ---

    private Case admin() {
        String auth = dev.tusk.testing.AdminCredentials.header();
        String json = "Content-Type: application/json";
        byte[] body = junkJson();
        return switch (random.nextInt(8)) {
            case 0 -> refused(request("PUT", "/api/admin/kv/shards/" + junkEncoded(8) + "%00", body, auth, json));
            case 1 -> refused(request("PUT", "/api/admin/kv/instances/" + junkEncoded(8) + "%00", body, auth, json));
            case 2 -> refused(request("PUT", "/api/admin/kv/namespaces/n" + junkEncoded(8) + "%00", "{}".getBytes(StandardCharsets.UTF_8),
                    auth, json));
            case 3 -> refused(request("POST", "/api/admin/batch/jobs/" + pick(JOBS) + "/executions", body, auth, json));
            case 4 -> refused(request("POST", "/api/admin/batch/jobs/" + junkEncoded(12) + "/executions", body, auth, json));
            case 5 -> refused(request(random.nextBoolean() ? "POST" : "DELETE", "/api/admin/queue/failed/" + junkEncoded(36)
                    + (random.nextBoolean() ? "/retry" : ""), null, auth));
            case 6 -> refused(request(random.nextBoolean() ? "PUT" : "GET", "/api/admin/tracker/approval/" + junkEncoded(20) + "zz",
                    null, auth));
            default -> new Case(number, "admin", request("GET", pick(new String[] {"/api/admin/queue/running?limit=",
                    "/api/admin/queue/failed?limit=", "/api/admin/batch/executions/", "/api/admin/tracker/swarms/",
                    "/api/admin/dashboard?since="}) + pick(NUMBERS),
                    null, auth), null, Expect.NO_SERVER_ERROR, null, null);
        };
    }

    private Case refused(byte[] request) {
        return new Case(number, "admin", request, null, Expect.REFUSED, null, null);
    }

    /** Malformed or wrong credentials from another address: 401 (or 429 once that address is throttled). */
    private Case badLogin() {
        String value = switch (random.nextInt(7)) {
            case 0 -> "Basic " + junkText(20);
            case 1 -> "Basic " + Base64.getEncoder().encodeToString(bytes(random.nextInt(40)));
            case 2 -> "Basic " + Base64.getEncoder().encodeToString(("admin:" + junkText(12)).getBytes(StandardCharsets.UTF_8));
            case 3 -> "Basic";
            case 4 -> "Bearer " + junkText(30);
            case 5 -> "Digest username=\"admin\", realm=\"" + junkText(5) + "\"";
            default -> junkText(30);
        };
        return new Case(number, "login", request(random.nextBoolean() ? "GET" : "POST", pick(ADMIN_PATHS), null,
                "Authorization: " + value), ATTACKER, Expect.REFUSED, null, null);
    }

    // --- headers on public endpoints ---

    private Case headers() {
        String[] pool = {"Content-Type: " + pick(CONTENT_TYPES), "Content-Encoding: gzip", "Content-Encoding: " + junkText(8),
                "Accept: " + junkText(10), "Range: bytes=" + pick(NUMBERS) + "-" + pick(NUMBERS), "If-None-Match: " + junkText(10),
                "Transfer-Encoding: " + pick(new String[] {"gzip", "identity", "x"}), "Expect: 100-" + junkText(4),
                "X-Forwarded-For: " + junkText(20), "Accept-Encoding: " + junkText(6), "Cookie: " + junkText(20)};
        List<String> chosen = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            chosen.add(pick(pool));
        }
        String path = pick(new String[] {"/announce?info_hash=" + RawHttp.percentEncode(bytes(20)), "/kv/" + NAMESPACE + "/h",
                "/image/original/x.png", "/healthz", "/ping", "/openapi", "/image"});
        String method = pick(new String[] {"GET", "POST", "PUT", "OPTIONS", "PATCH", "TRACE"});
        byte[] body = method.equals("GET") || method.equals("OPTIONS") || method.equals("TRACE") ? null : bytes(random.nextInt(200));
        return new Case(number, "headers", request(method, path, body, chosen.toArray(String[]::new)), null,
                Expect.NO_SERVER_ERROR, null, null);
    }

    // --- building blocks ---

    private static byte[] get(String target) {
        return request("GET", target, null);
    }

    private static byte[] request(String method, String target, byte[] body, String... headers) {
        return RawHttp.bytes(method, target, body, headers);
    }

    private String maybe(String name, String value) {
        return switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> name;
            case 2 -> name + "=" + value + "&" + name + "=" + value;
            default -> name + "=" + value;
        };
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Random bytes percent-encoded, with NULs, separators and broken escapes mixed in. */
    private String junkEncoded(int maxLength) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            switch (random.nextInt(12)) {
                case 0 -> sb.append("%00");
                case 1 -> sb.append(pick(new String[] {"%", "%G1", "%4", "%%", "%zz"}));
                case 2 -> sb.append(pick(new String[] {"%2F", "%3F", "%26", "%3D", "%23", "%2E%2E", "%0D%0A", "%FF%FE", "%C0%80"}));
                case 3 -> sb.append((char) ('a' + random.nextInt(26)));
                default -> sb.append('%').append(String.format("%02X", random.nextInt(256)));
            }
        }
        return sb.toString();
    }

    /** Printable junk for header values and names (no CR or LF: the header block stays parseable). */
    private String junkText(int maxLength) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            int c = random.nextInt(10) == 0 ? pick(new int[] {'"', '\\', ';', ',', '=', '%', 0x7f, 0xe9, 0x1f}) : 0x21 + random.nextInt(94);
            sb.append((char) c);
        }
        return sb.toString();
    }

    /** Text that is not a JSON value a client may send: broken, nested past any limit, or not JSON at all. */
    private byte[] junkJson() {
        String text = switch (random.nextInt(10)) {
            case 0 -> "[".repeat(1000 + random.nextInt(4000));
            case 1 -> "{\"a\":".repeat(1000 + random.nextInt(3000));
            case 2 -> "{\"add\":" + pick(NUMBERS) + ",";
            case 3 -> "{\"position\":\"\\u0000\"";
            case 4 -> "{\"x\":\"\\ud800" + junkText(5);
            case 5 -> "{\"a\":1}}" + junkText(5);
            case 6 -> "'" + junkText(20) + "'";
            case 7 -> "{" + junkText(20);
            case 8 -> "";
            default -> null;
        };
        if (text == null) {
            byte[] junk = bytes(1 + random.nextInt(100));
            junk[0] = 1; // a control character first: never JSON
            return junk;
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private int pick(int[] values) {
        return values[random.nextInt(values.length)];
    }
}
