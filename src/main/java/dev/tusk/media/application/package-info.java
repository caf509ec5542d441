/** The media service: uploads and their ingest, variants, deletion and the cleanup chain, on the job queue. */
package dev.tusk.media.application;
