/** The JAX-RS application and the RFC 7807 error bodies of the REST API. */
package dev.tusk.platform.rest;
