package dev.tusk.tracker.domain;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the store itself (PostgreSQL or Redis, as configured), as opposed to the swarm cache in
 * front of it, which is the {@link PeerStore} everything else is given.
 */
@jakarta.inject.Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface StoreOfRecord {
}
