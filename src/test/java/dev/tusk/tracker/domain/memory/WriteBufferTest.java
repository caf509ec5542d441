package dev.tusk.tracker.domain.memory;

import static dev.tusk.tracker.domain.memory.MemoryFixtures.hash;
import static dev.tusk.tracker.domain.memory.MemoryFixtures.peer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerWrite;
import dev.tusk.tracker.domain.PeerWrite.Kind;
import dev.tusk.tracker.domain.PeerWrite.Role;
import dev.tusk.tracker.domain.WriteBatch;
import org.junit.jupiter.api.Test;

class WriteBufferTest {

    private static PeerWrite write(int hash, Peer peer, Kind kind, long at) {
        return write(hash, peer, kind, at, Role.ABSENT);
    }

    private static PeerWrite write(int hash, Peer peer, Kind kind, long at, Role before) {
        return new PeerWrite(hash(hash), peer, kind, false, at, before);
    }

    @Test
    void aPeersLaterWriteReplacesItsEarlierOneAndDownloadsAddUp() {
        WriteBuffer buffer = new WriteBuffer(10);
        Peer p = peer("10.0.0.1", 1);
        assertThat(buffer.offer(write(1, p, Kind.PUT_LEECHER, 1), 0)).isTrue();
        assertThat(buffer.offer(write(1, p, Kind.PUT_SEEDER, 2), 1)).isTrue();
        assertThat(buffer.offer(write(1, p, Kind.REMOVE, 3), 1)).isTrue();
        assertThat(buffer.size()).isEqualTo(1);

        WriteBatch batch = buffer.drain(100);
        assertThat(batch.writes()).containsExactly(write(1, p, Kind.REMOVE, 3));
        assertThat(batch.downloads()).containsEntry(hash(1), 2L).hasSize(1);
        assertThat(buffer.size()).isZero();
    }

    @Test
    void whenFullOnlyPeersAlreadyPendingAreAccepted() {
        WriteBuffer buffer = new WriteBuffer(2);
        Peer a = peer("10.0.0.1", 1);
        Peer b = peer("10.0.0.2", 2);
        assertThat(buffer.offer(write(1, a, Kind.PUT_LEECHER, 1), 0)).isTrue();
        assertThat(buffer.offer(write(2, b, Kind.PUT_LEECHER, 1), 0)).isTrue();
        assertThat(buffer.offer(write(1, peer("10.0.0.3", 3), Kind.PUT_LEECHER, 1), 0)).as("a third peer").isFalse();
        assertThat(buffer.offer(write(3, a, Kind.PUT_LEECHER, 1), 0)).as("the same peer in another swarm").isFalse();
        assertThat(buffer.offer(write(1, a, Kind.PUT_SEEDER, 2), 1)).as("a pending peer's newer write").isTrue();
        assertThat(buffer.size()).isEqualTo(2);
        assertThat(buffer.pendingDownloads(hash(3))).isZero();
    }

    @Test
    void aBatchComesInStoreOrder() {
        WriteBuffer buffer = new WriteBuffer(100);
        buffer.offer(write(9, peer("10.0.0.2", 2), Kind.PUT_LEECHER, 1), 0);
        buffer.offer(write(200, peer("10.0.0.1", 1), Kind.PUT_LEECHER, 1), 0);
        buffer.offer(write(9, peer("10.0.0.1", 1), Kind.REMOVE, 1), 0);
        buffer.offer(write(1, peer("10.0.0.5", 5), Kind.PUT_SEEDER, 1), 0);

        assertThat(buffer.drain(100).writes()).extracting(w -> w.infoHash().hex().substring(0, 2) + "/" + w.peer().port())
                .containsExactly("01/1005", "09/1001", "09/1002", "c8/1001");
    }

    @Test
    void aFailedBatchGoesBackBehindNewerWrites() {
        WriteBuffer buffer = new WriteBuffer(100);
        Peer a = peer("10.0.0.1", 1);
        Peer b = peer("10.0.0.2", 2);
        buffer.offer(write(1, a, Kind.PUT_LEECHER, 1), 1);
        buffer.offer(write(1, b, Kind.PUT_LEECHER, 1), 0);
        WriteBatch first = buffer.drain(100);
        assertThat(first.writes()).hasSize(2);
        assertThat(buffer.pendingFor(hash(1))).as("in flight is still visible").hasSize(2);
        assertThatThrownBy(() -> buffer.drain(100)).isInstanceOf(IllegalStateException.class);

        buffer.offer(write(1, a, Kind.REMOVE, 2), 1);
        buffer.failed();

        WriteBatch again = buffer.drain(100);
        assertThat(again.writes()).containsExactlyInAnyOrder(write(1, a, Kind.REMOVE, 2), write(1, b, Kind.PUT_LEECHER, 1));
        assertThat(again.downloads()).containsEntry(hash(1), 2L);
        buffer.written();
        assertThat(buffer.pendingFor(hash(1))).isEmpty();
        assertThat(buffer.isEmpty()).isTrue();
    }

    @Test
    void drainTakesWholeSwarmsUpToTheLimit() {
        WriteBuffer buffer = new WriteBuffer(100);
        for (int h = 1; h <= 5; h++) {
            for (int p = 1; p <= 3; p++) {
                buffer.offer(write(h, peer("10.0.0." + p, p), Kind.PUT_LEECHER, 1), 0);
            }
        }
        WriteBatch batch = buffer.drain(4);
        assertThat(batch.writes()).hasSize(6);
        assertThat(buffer.size()).isEqualTo(9);
        buffer.written();
    }

    @Test
    void coalescedWritesKeepTheRoleTheStoreHadBeforeTheFirst() {
        WriteBuffer buffer = new WriteBuffer(10);
        Peer p = peer("10.0.0.1", 1);
        buffer.offer(write(1, p, Kind.PUT_SEEDER, 1, Role.LEECHER), 0);
        buffer.offer(write(1, p, Kind.REMOVE, 2, Role.SEEDER), 0);

        PeerWrite w = buffer.drain(10).writes().get(0);
        assertThat(w).isEqualTo(write(1, p, Kind.REMOVE, 2, Role.LEECHER));
        assertThat(w.leechersDelta()).as("the store loses the leecher it has").isEqualTo(-1);
        assertThat(w.seedersDelta()).as("the seeder never reached the store").isZero();
    }

    @Test
    void aFailedWriteGivesItsEarlierRoleToTheNewerOneThatReplacesIt() {
        WriteBuffer buffer = new WriteBuffer(10);
        Peer p = peer("10.0.0.1", 1);
        buffer.offer(write(1, p, Kind.PUT_LEECHER, 1, Role.ABSENT), 0);
        buffer.drain(10);
        buffer.offer(write(1, p, Kind.PUT_SEEDER, 2, Role.LEECHER), 0);
        buffer.failed();

        PeerWrite w = buffer.drain(10).writes().get(0);
        assertThat(w).isEqualTo(write(1, p, Kind.PUT_SEEDER, 2, Role.ABSENT));
        assertThat(w.seedersDelta()).isEqualTo(1);
        assertThat(w.leechersDelta()).isZero();
    }
}
