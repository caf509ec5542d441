package dev.tusk.kv.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The whole parade's configuration, as every node holds it. */
public record Catalog(List<String> zones, List<Shard> shards, List<ShardInstance> instances, List<Namespace> namespaces) {

    public record Shard(String name, int position) {
    }

    /** A database holding one shard in one zone; its id is the origin of the rows written there. */
    public record ShardInstance(String id, String shard, String zone, String jdbcUrl, String username, String password,
            boolean decommissioned) {

        @Override
        public String toString() {
            return id;
        }
    }

    /** Rows of a namespace expire this many seconds after their last write (null: never). */
    public record Namespace(String name, Long expireAfterSeconds) {
    }

    public static final Catalog EMPTY = new Catalog(List.of(), List.of(), List.of(), List.of());

    public Catalog {
        zones = List.copyOf(zones);
        shards = shards.stream().sorted(Comparator.comparingInt(Shard::position)).toList();
        instances = List.copyOf(instances);
        namespaces = List.copyOf(namespaces);
    }

    /** The shard a key belongs to ({@link KeyHashing}); shards must be numbered 0..n-1. */
    public Shard shardOf(String key) {
        return shards.get(KeyHashing.shard(key, shards.size()));
    }

    public Optional<Namespace> namespace(String name) {
        return namespaces.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public Optional<ShardInstance> instance(String shard, String zone) {
        return instances.stream().filter(i -> i.shard().equals(shard) && i.zone().equals(zone) && !i.decommissioned()).findFirst();
    }

    /** The other live instances of an instance's shard. */
    public List<ShardInstance> peersOf(ShardInstance instance) {
        return instances.stream()
                .filter(i -> i.shard().equals(instance.shard()) && !i.id().equals(instance.id()) && !i.decommissioned())
                .toList();
    }

    /** The live instances in the given zones: the ones a node serving those zones writes to and replicates into. */
    public List<ShardInstance> instancesIn(List<String> servedZones) {
        return instances.stream().filter(i -> servedZones.contains(i.zone()) && !i.decommissioned()).toList();
    }

    /** Whether the shards are numbered 0..n-1, as key hashing needs. */
    public boolean shardsContiguous() {
        for (int i = 0; i < shards.size(); i++) {
            if (shards.get(i).position() != i) {
                return false;
            }
        }
        return true;
    }
}
