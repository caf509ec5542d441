/** The tracker's stores on Redis, byte for byte in MoChi's key layout, through Jedis. */
package dev.tusk.tracker.infrastructure.redis;
