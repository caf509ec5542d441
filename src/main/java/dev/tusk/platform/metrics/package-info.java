/** Helpers for metrics in WildFly's Micrometer registry. */
package dev.tusk.platform.metrics;
