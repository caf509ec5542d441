/** Long-lived managed threads of the deployment and what they need from the container. */
package dev.tusk.platform.threads;
