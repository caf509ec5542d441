/** The tracker's store implementations and the choice between them. */
package dev.tusk.tracker.infrastructure;
