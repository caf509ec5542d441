package dev.tusk.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * All JAX-RS resources, at the context root: the tracker's {@code /announce}, {@code /scrape},
 * {@code /ping} where BitTorrent clients expect them, the REST API under {@code /api}.
 */
@ApplicationPath("/")
public class TuskApplication extends Application {
}
