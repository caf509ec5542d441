/**
 * The media service's batch jobs: migrate-store (partitioned: moves every file into the other
 * store, repointing the repository) and migrate-repo (copies the repository into another Tusk
 * database through the {@code RepositoryCopy} port, table by table).
 */
package dev.tusk.media.application.migration;
