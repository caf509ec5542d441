/** The job queue engine: jobs as PostgreSQL rows, dispatched by JMS, run by MDBs, swept by a timer. */
package dev.tusk.queue;
