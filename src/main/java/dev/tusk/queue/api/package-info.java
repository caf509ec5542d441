/** Operators' REST endpoints of the job queue. */
package dev.tusk.queue.api;
