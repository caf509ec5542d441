/**
 * The tracker's stores on PostgreSQL, with MoChi's configurable queries and its schema. The two
 * entities ({@code MoPeer}, {@code MoKv}) share the shape of a mapped row with a composite key,
 * for operators' views; announces never go through them.
 */
package dev.tusk.tracker.infrastructure.postgres;
