/** Configuration value formats shared by the services. */
package dev.tusk.platform.config;
