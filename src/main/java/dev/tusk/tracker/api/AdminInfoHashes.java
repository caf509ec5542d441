package dev.tusk.tracker.api;

import dev.tusk.tracker.domain.InfoHash;
import jakarta.ws.rs.BadRequestException;

/** Info hashes in operators' URLs and bodies are hexadecimal. */
final class AdminInfoHashes {
    private AdminInfoHashes() {
    }

    static InfoHash parse(String hex) {
        try {
            return InfoHash.fromHex(hex == null ? null : hex.trim());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("info hash '" + hex + "': " + e.getMessage());
        }
    }
}
