package dev.tusk.tracker.infrastructure.postgres;

import dev.tusk.tracker.domain.ByteKey;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.IpLiteral;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import dev.tusk.tracker.domain.SwarmBrowser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneOffset;
import java.util.List;

/** Operators' views of the PostgreSQL store through the JPA entities. */
@ApplicationScoped
@Typed(JpaSwarmBrowser.class)
public class JpaSwarmBrowser implements SwarmBrowser {

    @PersistenceContext(unitName = "tusk") EntityManager em;

    @Override
    public List<PeerView> peers(InfoHash infoHash, int limit) {
        return em.createNamedQuery(MoPeer.BY_INFO_HASH, MoPeer.class)
                .setParameter("infoHash", infoHash.bytes())
                .setMaxResults(limit)
                .getResultStream()
                .map(p -> new PeerView(new Peer(PeerId.of(p.peerId()), IpLiteral.parse(p.address()).orElseThrow(), p.port()),
                        p.seeder(), p.created().toInstant(ZoneOffset.UTC)))
                .toList();
    }

    @Override
    public List<ByteKey> keys(String context, int limit) {
        return em.createNamedQuery(MoKv.KEYS_BY_CONTEXT, byte[].class)
                .setParameter("context", context)
                .setMaxResults(limit)
                .getResultStream()
                .map(ByteKey::of)
                .toList();
    }
}
