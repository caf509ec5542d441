package dev.tusk.kv.domain;

import java.util.List;

/**
 * A page pulled from a peer: rows with the xid that last changed each, the peer's horizon (every
 * transaction below it had ended when the page was read) and the peer's clock then.
 */
public record PeerChanges(List<KvRow> rows, List<Long> xids, long horizon, long peerNowMicros) {
}
