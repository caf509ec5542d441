/** Pushing jobs, running them (claim, heartbeat, complete or retry) and sweeping what was lost. */
package dev.tusk.queue.application;
