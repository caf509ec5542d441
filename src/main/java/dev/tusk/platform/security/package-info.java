/**
 * The operator's login in front of WildFly's security: malformed credentials answered 401, and
 * repeated failures throttled per client address (never a lockout of the operator's account).
 */
package dev.tusk.platform.security;
