/** The tracker's domain: swarm value types, the store contracts and the peer selection rules. */
package dev.tusk.tracker.domain;
