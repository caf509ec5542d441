/** JMS helpers shared by the services: notices on topics. */
package dev.tusk.platform.messaging;
