/** migrate-store: a partitioned Jakarta Batch job that moves every file of the media service into another store. */
package dev.tusk.media.application.migration;
