/** Shared infrastructure with nothing domain-specific: REST errors, persistence, configuration. */
package dev.tusk.platform;
