package dev.tusk.tracker.infrastructure.postgres;

import dev.tusk.tracker.domain.IpLiteral;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads peers from the rows of the configured announce query, by its column names. */
final class PeerRows {
    private PeerRows() {
    }

    static List<Peer> read(ResultSet rs, String peerIdColumn, String addressColumn, String portColumn)
            throws SQLException {
        List<Peer> peers = new ArrayList<>();
        if (!rs.next()) {
            return peers;
        }
        // ResultSet.findColumn matches names case-insensitively, as MoChi's configuration expects.
        int id = rs.findColumn(peerIdColumn);
        int address = rs.findColumn(addressColumn);
        int port = rs.findColumn(portColumn);
        boolean rawAddress = "bytea".equalsIgnoreCase(rs.getMetaData().getColumnTypeName(address));
        do {
            Object value = rawAddress ? rs.getBytes(address) : rs.getString(address);
            peers.add(new Peer(PeerId.of(rs.getBytes(id)), address(value), rs.getInt(port)));
        } while (rs.next());
        return peers;
    }

    /** An {@code inet} value comes as text ("1.2.3.4", maybe with "/32"); a {@code bytea} as 4 or 16 bytes. */
    static InetAddress address(Object value) throws SQLException {
        try {
            if (value instanceof byte[] raw) {
                return InetAddress.getByAddress(raw);
            }
            String text = value.toString();
            int slash = text.indexOf('/');
            String literal = slash < 0 ? text : text.substring(0, slash);
            return IpLiteral.parse(literal).orElseThrow(() -> new SQLException("not an address: " + value));
        } catch (UnknownHostException e) {
            throw new SQLException("not an address: " + value, e);
        }
    }
}
