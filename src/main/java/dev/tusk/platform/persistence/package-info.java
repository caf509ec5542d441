/** Schema migrations at start-up and SQL helpers shared by the services. */
package dev.tusk.platform.persistence;
