/** The job queue's contracts: jobs, handlers and their outcomes, the store and the dispatcher. */
package dev.tusk.queue.domain;
