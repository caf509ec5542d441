/** The tracker's stores on PostgreSQL, with MoChi's configurable queries and its schema. */
package dev.tusk.tracker.infrastructure.postgres;
