/** The BitTorrent HTTP tracker protocol's wire formats: raw query strings, bencoding, compact peers. */
package dev.tusk.tracker.api.wire;
